import { CONDUCT_RULES, type ConductRule } from '@schoolpost/policies'

const LABELS: Record<ConductRule, { nl: string; en: string }> = {
  abuse: { nl: 'Schelden', en: 'Abuse' },
  discrimination: { nl: 'Discriminatie', en: 'Discrimination' },
  threat: { nl: 'Bedreiging', en: 'Threat' },
  sexual: { nl: 'Seksueel', en: 'Sexual' },
}

/** The rules of the conduct check (S19) as select options: a held message, a school's term. */
export const CONDUCT_RULE_OPTIONS = CONDUCT_RULES.map((value) => ({ value, label: LABELS[value] }))
