/** "Groep 5a", "Groep 5a en Groep 6", "Groep 3, Groep 4 en Groep 5a". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? ''
  return `${names.slice(0, -1).join(', ')} en ${names.at(-1)}`
}

/** The audience of an item in Dutch: "Alle ouders", or its groups' names in natural order. */
export function audienceLabel(
  audience: string | null | undefined,
  groupIds: readonly string[],
  groupName: ReadonlyMap<string, string>,
): string {
  if (audience === 'school') return 'Alle ouders'
  return joinNames(
    groupIds
      .map((id) => groupName.get(id))
      .filter((name): name is string => !!name)
      .sort((a, b) => a.localeCompare(b, 'nl', { numeric: true })),
  )
}
