/** How a checklist row looks: nothing typed yet, rule satisfied, or not (yet) satisfied. */
export type RuleState = 'pending' | 'met' | 'unmet'
