import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import type { AdminViewServerProps } from 'payload'
import React from 'react'

import { ImportForm } from './ImportForm'

/** /admin/import: upload a pupils CSV, preview every row, then apply in one transaction. */
export function ImportView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req, permissions, visibleEntities, locale } = initPageResult
  const role = (req.user as { role?: string } | null)?.role
  const allowed = req.user?.collection === 'staff' && (role === 'director' || role === 'office')
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={req.payload}
      permissions={permissions}
      searchParams={searchParams}
      user={req.user ?? undefined}
      visibleEntities={visibleEntities}
    >
      <Gutter>
        <h1>Leerlingen importeren</h1>
        {allowed ? (
          <ImportForm />
        ) : (
          <p role="alert">Alleen de directie en de administratie mogen leerlingen importeren.</p>
        )}
      </Gutter>
    </DefaultTemplate>
  )
}
