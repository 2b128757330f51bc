import type { ListItemReport, ListVisibility, ReportReason, UpdateCadence } from '@ndith/contracts'

export const CADENCE_LABELS: Record<UpdateCadence, string> = {
  ad_hoc: 'When needed',
  weekly: 'Weekly',
  monthly: 'Monthly',
  quarterly: 'Quarterly',
}

export const VISIBILITY_OPTIONS: readonly { value: ListVisibility; label: string; description: string }[] = [
  { value: 'public', label: 'Public', description: 'Anyone can find it when browsing.' },
  { value: 'unlisted', label: 'Unlisted', description: 'Not listed; anyone with the link can open it.' },
  { value: 'private', label: 'Private', description: 'Only you can see it.' },
]

export const VISIBILITY_LABELS: Record<ListVisibility, string> = { public: 'Public', unlisted: 'Unlisted', private: 'Private' }

export const REPORT_REASON_OPTIONS: readonly { value: ReportReason; label: string }[] = [
  { value: 'inaccurate', label: 'The rationale is inaccurate' },
  { value: 'no_evidence', label: 'There is no evidence for it' },
  { value: 'harassment', label: 'It is harassment or abuse' },
  { value: 'duplicate', label: 'It duplicates another entry' },
  { value: 'other', label: 'Something else' },
]

/** Short wording of each reason, for lists of reports. */
export const REPORT_REASON_LABELS: Record<ReportReason, string> = {
  inaccurate: 'Inaccurate rationale',
  no_evidence: 'No evidence',
  harassment: 'Harassment or abuse',
  duplicate: 'Duplicate entry',
  other: 'Other',
}

export const REPORT_STATUS: Record<ListItemReport['status'], { label: string; tone: 'amber' | 'emerald' | 'neutral' }> = {
  open: { label: 'Open', tone: 'amber' },
  resolved: { label: 'Resolved', tone: 'emerald' },
  dismissed: { label: 'Dismissed', tone: 'neutral' },
}

export const count = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`
