import React from 'react'

import { EmailLayout } from './layout'
import { renderEmail, type RenderedEmail } from './render-email'

/**
 * To a parent on the waitlist of a volunteer request (S4): a place came free and is theirs now.
 * Names the activity and the moment (nothing about other parents); cancelling is in the portal.
 */
export function volunteerPromotedEmail({
  schoolName,
  title,
  slot,
  link,
}: {
  schoolName: string
  title: string
  /** "Begeleiden heenreis, dinsdag 9 maart 08:30–10:00" */
  slot: string
  link: string
}): Promise<RenderedEmail & { subject: string }> {
  const subject = `Er is een plek vrijgekomen: ${title}`
  return renderEmail(
    <EmailLayout
      schoolName={schoolName}
      preview={subject}
      heading="U staat niet meer op de wachtlijst"
      paragraphs={[
        `Er is een plek vrijgekomen en die is nu van u: ${slot}.`,
        'Kunt u toch niet? Meld u dan af in Schoolpost, dan gaat de plek naar de volgende op de wachtlijst.',
      ]}
      action={{ label: 'Hulpvraag bekijken', href: link }}
    />,
  ).then((r) => ({ ...r, subject }))
}

/**
 * To a parent signed up for a volunteer slot (S4), the afternoon before: what, when and who comes
 * (the name the parent gave; nothing about other parents). Cancelling is in the portal until the
 * request's deadline; after that the school's phone number is the way.
 */
export function volunteerReminderEmail({
  schoolName,
  title,
  slot,
  comes,
  phone,
  link,
}: {
  schoolName: string
  title: string
  /** "Begeleiden heenreis, dinsdag 9 maart 08:30–10:00" */
  slot: string
  /** Who comes: the parent or the other guardian they named. */
  comes: string
  /** The school's phone number, for when cancelling in the portal is no longer possible. */
  phone?: string
  link: string
}): Promise<RenderedEmail & { subject: string }> {
  const subject = `Morgen: ${title}`
  const call = phone ? `bel dan de school (${phone})` : 'neem dan contact op met de school'
  return renderEmail(
    <EmailLayout
      schoolName={schoolName}
      preview={subject}
      heading={`Morgen helpt u mee: ${title}`}
      paragraphs={[
        `U staat aangemeld voor ${slot}.`,
        `Wie komt: ${comes}.`,
        `Kunt u toch niet? Meld u dan af in Schoolpost, dan kan iemand anders de plek krijgen. Kunt u zich daar niet meer afmelden, ${call}.`,
      ]}
      action={{ label: 'Hulpvraag bekijken', href: link }}
    />,
  ).then((r) => ({ ...r, subject }))
}
