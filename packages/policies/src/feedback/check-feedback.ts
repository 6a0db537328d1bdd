import { checkConduct, type ConductRule, type ConductTerm } from '../conduct/check-conduct'

/**
 * Feedback from parents (S20): the school evaluates its rules and Schoolpost over time, and tips
 * are welcome. What a parent may send, and what the school's statuses mean.
 */
export const FEEDBACK_TOPICS = {
  schoolpost: 'Schoolpost (de app)',
  huisregels: 'De huisregels',
  school: 'De school',
  anders: 'Iets anders',
} as const
export type FeedbackTopic = keyof typeof FEEDBACK_TOPICS

export const FEEDBACK_STATUSES = {
  nieuw: 'Nieuw',
  'in-behandeling': 'In behandeling',
  afgehandeld: 'Afgehandeld',
} as const
export type FeedbackStatus = keyof typeof FEEDBACK_STATUSES

export const FEEDBACK_MIN_LENGTH = 10
export const FEEDBACK_MAX_LENGTH = 2000
export const FEEDBACK_ANSWER_MAX_LENGTH = 2000

export type CheckFeedbackResult =
  | { ok: true }
  | {
      ok: false
      reason: 'topic' | 'too-short' | 'too-long' | 'conduct'
      rule?: ConductRule
      message: string
    }

/**
 * A parent's feedback: a known topic, a text of some substance, and the code of conduct (S19):
 * positive, respectful communication. A flagged text is sent back with the agreement it touches,
 * so the parent can say the same thing respectfully; feedback is never urgent.
 */
export function checkFeedback({
  topic,
  text,
  extraTerms,
}: {
  topic: string
  text: string
  extraTerms?: readonly ConductTerm[]
}): CheckFeedbackResult {
  if (!Object.hasOwn(FEEDBACK_TOPICS, topic))
    return { ok: false, reason: 'topic', message: 'Kies waar je feedback over gaat.' }
  const length = Array.from(text.trim()).length
  if (length < FEEDBACK_MIN_LENGTH)
    return {
      ok: false,
      reason: 'too-short',
      message: `Schrijf minstens ${FEEDBACK_MIN_LENGTH} tekens, zodat de school begrijpt wat je bedoelt.`,
    }
  if (length > FEEDBACK_MAX_LENGTH)
    return {
      ok: false,
      reason: 'too-long',
      message: `Je feedback is te lang: maximaal ${FEEDBACK_MAX_LENGTH} tekens.`,
    }
  const conduct = checkConduct({ text, ...(extraTerms ? { extraTerms } : {}) })
  if (!conduct.ok)
    return {
      ok: false,
      reason: 'conduct',
      rule: conduct.rule,
      message: conduct.message
        .replace('Dit bericht is niet verstuurd', 'Je feedback is niet verstuurd')
        .replace('Pas je bericht aan', 'Pas je tekst aan'),
    }
  return { ok: true }
}
