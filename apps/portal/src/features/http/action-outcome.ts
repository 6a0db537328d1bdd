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
