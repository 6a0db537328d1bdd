/**
 * What a form page got back from its action, reduced to what it needs (the page builds it from
 * `Astro.getActionResult` and `isInputError`, which only exist inside Astro).
 */
export type ActionOutcome<Failure> =
  | { kind: 'none' }
  /** The handler ran and said no. */
  | { kind: 'result'; result: Failure }
  /** The zod input was refused: messages per field. */
  | { kind: 'input-error'; fields: Record<string, string[] | undefined> }
  /** Any other action failure (wrong content type, body too large…). */
  | { kind: 'action-error' }

/**
 * The outcome a form page shows, from its action's failure `data` (the page has already redirected
 * on success) or its `error`. `isInputError` is Astro's own guard from `astro:actions`, passed in
 * because that module only exists inside Astro.
 */
export function toActionOutcome<Failure, E>(
  data: Failure | undefined,
  error: E | undefined,
  isInputError: (error: E) => boolean,
): ActionOutcome<Failure> {
  if (data) return { kind: 'result', result: data }
  if (!error) return { kind: 'none' }
  return isInputError(error)
    ? {
        kind: 'input-error',
        fields: (error as unknown as { fields: Record<string, string[] | undefined> }).fields,
      }
    : { kind: 'action-error' }
}
