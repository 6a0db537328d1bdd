import React from 'react'

import { EmailLayout } from './layout'
import { renderEmail, type RenderedEmail } from './render-email'

/** No pupil data: only the school's name, the parent's own name and the link. */
export function invitationEmail({
  schoolName,
  parentName,
  link,
  validDays,
}: {
  schoolName: string
  parentName: string
  link: string
  validDays: number
}): Promise<RenderedEmail & { subject: string }> {
  const subject = `Uitnodiging voor Schoolpost van ${schoolName}`
  return renderEmail(
    <EmailLayout
      schoolName={schoolName}
      preview={`Activeer je account voor ${schoolName}`}
      heading={`Welkom bij Schoolpost, ${parentName}`}
      paragraphs={[
        `${schoolName} nodigt je uit voor Schoolpost: de besloten omgeving waarin de school nieuws, foto's en berichten met ouders deelt.`,
        `Kies via de knop hieronder een wachtwoord om je account te activeren. De link werkt één keer en is ${validDays} dagen geldig.`,
      ]}
      action={{ label: 'Account activeren', href: link }}
      footnote={`Verwachtte je deze uitnodiging niet? Dan kun je deze e-mail negeren. Deze e-mail is verstuurd door ${schoolName} via Schoolpost.`}
    />,
  ).then((r) => ({ ...r, subject }))
}
