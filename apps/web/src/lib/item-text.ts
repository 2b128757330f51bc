import { evidenceUrlProblem } from '@ndith/contracts'
import type { FieldMessage } from './feedback.ts'

export interface ItemText {
  rationale: string
  evidenceUrl: string
}

/** Checks a list item's text before it is sent; the same rules the API applies. */
export function itemTextProblems({ rationale, evidenceUrl }: ItemText): { rationale?: FieldMessage[]; evidenceUrl?: FieldMessage[] } {
  const problems: { rationale?: FieldMessage[]; evidenceUrl?: FieldMessage[] } = {}
  if (!rationale.trim()) problems.rationale = [{ code: 'required', message: 'Say why this artist belongs on the list' }]
  const url = evidenceUrl.trim()
  const urlProblem = url ? evidenceUrlProblem(url) : undefined
  if (urlProblem) problems.evidenceUrl = [{ code: 'format', message: urlProblem }]
  return problems
}
