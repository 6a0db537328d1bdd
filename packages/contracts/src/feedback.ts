import { z } from 'zod'

/**
 * Feedback (S20): `POST /api/feedback` `{ topic, message, anonymous }` (a parent's tip or remark;
 * the CMS stamps the sender) and `GET /api/feedback` (a parent reads their own, with the school's
 * status and answer).
 */
export const FEEDBACK_PATH = '/api/feedback'

export const newFeedback = z.object({
  topic: z.enum(['schoolpost', 'huisregels', 'school', 'anders']),
  message: z.string(),
  anonymous: z.boolean(),
})
export type NewFeedback = z.infer<typeof newFeedback>

export const parentFeedback = z.object({
  id: z.string(),
  topic: newFeedback.shape.topic,
  message: z.string(),
  anonymous: z.boolean().nullable().optional(),
  status: z.enum(['nieuw', 'in-behandeling', 'afgehandeld']),
  answer: z.string().nullable().optional(),
  answeredAt: z.string().nullable().optional(),
  createdAt: z.string(),
})
export type ParentFeedback = z.infer<typeof parentFeedback>

export const parentFeedbackList = z.object({ docs: z.array(parentFeedback) })
