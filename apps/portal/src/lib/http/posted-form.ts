/**
 * The fields a form page shows again after a refused POST (what the parent typed), or `undefined`
 * when nothing was posted. A body that is not form data gives `{}`: the page then shows empty
 * fields rather than an error.
 */
export async function postedForm<K extends string>(
  request: Request,
  names: readonly K[],
): Promise<Partial<Record<K, unknown>> | undefined> {
  if (request.method !== 'POST') return undefined
  try {
    const posted = await request.formData()
    return Object.fromEntries(names.map((name) => [name, posted.get(name)])) as Record<K, unknown>
  } catch {
    return {}
  }
}
