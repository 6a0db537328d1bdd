import type { PupilRow, RowError } from './parse-pupil-csv'

/** What exists now, reduced to what the import compares. */
export type ImportSnapshot = {
  groups: { id: string; name: string }[]
  pupils: {
    id: string
    externalId: string | null
    firstName: string
    lastName: string
    group: string
    dateOfBirth: string | null
  }[]
  parents: {
    id: string
    email: string
    name: string
    phone: string | null
    children: string[]
    status: string
  }[]
}

export type RowPlan = {
  line: number
  status: 'new' | 'changed' | 'unchanged' | 'error'
  pupil: string
  changes: string[]
}

export type ImportPlan = {
  rows: RowPlan[]
  counts: Record<RowPlan['status'], number>
  newGroups: string[]
  newParents: number
}

const key = (s: string) => s.trim().toLowerCase()
const dateOnly = (value: string | null) => (value ? value.slice(0, 10) : null)

/** Finds the existing pupil a row describes: by student number, else by name (and birth date). */
export function matchPupil(row: PupilRow, snapshot: ImportSnapshot) {
  if (row.externalId) {
    const byId = snapshot.pupils.find((p) => p.externalId === row.externalId)
    if (byId) return byId
  }
  return snapshot.pupils.find(
    (p) =>
      (!row.externalId || !p.externalId) &&
      key(p.firstName) === key(row.firstName) &&
      key(p.lastName) === key(row.lastName) &&
      (!row.dateOfBirth || !p.dateOfBirth || dateOnly(p.dateOfBirth) === row.dateOfBirth),
  )
}

/**
 * Compares the file with the school as it is, row by row, without writing anything. The apply
 * step executes exactly this plan, so the preview and the result never disagree.
 */
export function planPupilImport({
  rows,
  errors,
  snapshot,
}: {
  rows: PupilRow[]
  errors: RowError[]
  snapshot: ImportSnapshot
}): ImportPlan {
  const groupNames = new Map(snapshot.groups.map((g) => [key(g.name), g]))
  const newGroups = new Set<string>()
  const newParentEmails = new Set<string>()
  const plans: RowPlan[] = errors.map((e) => ({
    line: e.line,
    status: 'error' as const,
    pupil: '',
    changes: e.messages,
  }))

  for (const row of rows) {
    const pupilName = `${row.firstName} ${row.lastName}`
    const changes: string[] = []
    const group = groupNames.get(key(row.group))
    if (!group && !newGroups.has(row.group)) newGroups.add(row.group)
    const existing = matchPupil(row, snapshot)
    let status: RowPlan['status'] = 'unchanged'
    if (!existing) {
      status = 'new'
      changes.push(`Nieuwe leerling in ${row.group}${group ? '' : ' (nieuwe groep)'}.`)
    } else {
      const currentGroup = snapshot.groups.find((g) => g.id === existing.group)
      if (!group || group.id !== existing.group)
        changes.push(`Groep: ${currentGroup?.name ?? '?'} → ${row.group}.`)
      if (row.dateOfBirth && dateOnly(existing.dateOfBirth) !== row.dateOfBirth)
        changes.push('Geboortedatum gewijzigd.')
      if (row.externalId && existing.externalId !== row.externalId)
        changes.push('Leerlingnummer toegevoegd.')
    }
    for (const guardian of row.guardians) {
      const parent = snapshot.parents.find((p) => key(p.email) === guardian.email)
      if (!parent) {
        if (!newParentEmails.has(guardian.email)) newParentEmails.add(guardian.email)
        changes.push(`Nieuwe ouder ${guardian.name} <${guardian.email}>.`)
        continue
      }
      if (!existing || !parent.children.includes(existing.id))
        changes.push(`${parent.name} gekoppeld als ouder.`)
      if (parent.name !== guardian.name)
        changes.push(`Naam ouder: ${parent.name} → ${guardian.name}.`)
      if (guardian.phone && parent.phone !== guardian.phone)
        changes.push(`Telefoon van ${guardian.name} gewijzigd.`)
    }
    if (status !== 'new' && changes.length) status = 'changed'
    plans.push({ line: row.line, status, pupil: pupilName, changes })
  }
  plans.sort((a, b) => a.line - b.line)
  const counts = { new: 0, changed: 0, unchanged: 0, error: 0 }
  for (const p of plans) counts[p.status]++
  return { rows: plans, counts, newGroups: [...newGroups], newParents: newParentEmails.size }
}
