import React from 'react'

import { EmailLayout } from './layout'
import { renderEmail, type RenderedEmail } from './render-email'

/**
 * "We have your report": the child's first name, the day and the kind only — never the reason or
 * the note (an email travels further than the portal).
 */
export function absenceConfirmationEmail({
  schoolName,
  firstName,
  day,
  kind,
  link,
}: {
  schoolName: string
  firstName: string
  /** "maandag 7 december" */
  day: string
  kind: 'sick' | 'planned'
  link: string
}): Promise<RenderedEmail & { subject: string }> {
  const what = kind === 'sick' ? 'ziekmelding' : 'afmelding'
  const subject = `Ontvangen: ${what} van ${firstName} voor ${day}`
  return renderEmail(
    <EmailLayout
      schoolName={schoolName}
      preview={subject}
      heading={`Uw ${what} is ontvangen`}
      paragraphs={[
        `De school heeft uw ${what} van ${firstName} voor ${day} ontvangen. De leerkracht ziet die in het overzicht van de dag.`,
        'Klopt er iets niet, of is uw kind toch beter? In Schoolpost kunt u de melding intrekken zolang dat kan; daarna belt u de school.',
      ]}
      action={{ label: 'Meldingen bekijken', href: link }}
    />,
  ).then((r) => ({ ...r, subject }))
}
