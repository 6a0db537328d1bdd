import type { PortalSession } from '../auth/session'
import type { CmsClient, ParentReport, ReportStatus } from '../../lib/cms/cms-client'
import { CmsUnauthorizedError } from '../../lib/cms/cms-client'
import { isValidId } from '../../lib/cms/ids'
import { reportCmsFailure } from '../../lib/cms/report-failure'
import { formatDutchDate, postHref } from '../posts/post-view'
import { REPORT_CATEGORY_LABELS } from './report-form'

/** The parent's own reports and how far the school is with each (S15). */

export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  open: 'Open',
  'in-behandeling': 'In behandeling',
  afgehandeld: 'Afgehandeld',
}

export type MyReportView = {
  id: string
  dateTime: string | null
  dateLabel: string | null
  categoryLabel: string
  status: ReportStatus
  statusLabel: string
  /** "Bericht „Schoolreisje”" / "Foto of video bij een bericht". */
  about: string
  postHref: string | null
}

export function myReportView(report: ParentReport): MyReportView {
  const dateLabel = formatDutchDate(report.createdAt)
  const title = report.postTitle ? ` „${report.postTitle.trim()}”` : ''
  return {
    id: report.id,
    dateTime: dateLabel ? report.createdAt : null,
    dateLabel,
    categoryLabel: REPORT_CATEGORY_LABELS[report.category],
    status: report.status,
    statusLabel: REPORT_STATUS_LABELS[report.status],
    about: report.message
      ? 'Een bericht in een gesprek'
      : report.media
        ? `Foto of video bij het bericht${title}`
        : `Het bericht${title}`,
    postHref: isValidId(report.post) ? postHref(report.post) : null,
  }
}

export type MyReportsLoad =
  { kind: 'ok'; reports: MyReportView[] } | { kind: 'signed-out' } | { kind: 'unavailable' }

/** Never throws. */
export async function loadMyReports(
  session: PortalSession,
  cms: Pick<CmsClient, 'listReports'>,
): Promise<MyReportsLoad> {
  try {
    const reports = await cms.listReports(session.token)
    return { kind: 'ok', reports: reports.map(myReportView) }
  } catch (error) {
    if (error instanceof CmsUnauthorizedError) return { kind: 'signed-out' }
    reportCmsFailure('Loading the reports', error)
    return { kind: 'unavailable' }
  }
}
