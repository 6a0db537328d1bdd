import { render } from '@react-email/render'
import type React from 'react'

export type RenderedEmail = { html: string; text: string }

/** HTML and plain text from one React Email template. */
export async function renderEmail(element: React.ReactElement): Promise<RenderedEmail> {
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })])
  return { html, text }
}
