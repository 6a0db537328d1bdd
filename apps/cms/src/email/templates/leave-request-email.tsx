import React from 'react'

import { EmailLayout } from './layout'
import { renderEmail, type RenderedEmail } from './render-email'

/** To the directors: a new request waits. No child's name, no reason: the admin has those. */
export function leaveRequestedEmail({
  schoolName,
  late,
  link,
}: {
  schoolName: string
  late: boolean
  link: string
}): Promise<RenderedEmail & { subject: string }> {
  const subject = late ? 'Nieuwe verlofaanvraag (te laat aangevraagd)' : 'Nieuwe verlofaanvraag'
  return renderEmail(
    <EmailLayout
      schoolName={schoolName}
      preview={subject}
      heading="Er is een verlofaanvraag binnengekomen"
      paragraphs={[
        'Een ouder vraagt extra verlof aan voor een leerling. Bekijk de aanvraag en neem een besluit in de beheeromgeving.',
      ]}
      action={{ label: 'Aanvraag bekijken', href: link }}
    />,
  ).then((r) => ({ ...r, subject }))
}

/** To the requesting parent: there is a decision; what it is and why is in the portal. */
export function leaveDecidedEmail({
  schoolName,
  firstName,
  link,
}: {
  schoolName: string
  firstName: string
  link: string
}): Promise<RenderedEmail & { subject: string }> {
  const subject = `Besluit over het verlof van ${firstName}`
  return renderEmail(
    <EmailLayout
      schoolName={schoolName}
      preview={subject}
      heading="De directeur heeft besloten over uw verlofaanvraag"
      paragraphs={[`U leest het besluit over het verlof van ${firstName} in Schoolpost.`]}
      action={{ label: 'Besluit lezen', href: link }}
    />,
  ).then((r) => ({ ...r, subject }))
}
