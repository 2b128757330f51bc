import { ACTIVITY_LABELS, type ActivityItem } from '@ndith/contracts'

/** The contract's wording, or a readable fallback for an action added later ("list.archived" → "List: archived"). */
export function activityLabel(action: string): string {
  const known = ACTIVITY_LABELS[action]
  if (known) return known
  const [area = action, verb = ''] = action.split('.')
  const words = (text: string) => text.replace(/_/g, ' ').trim()
  const subject = words(area)
  return verb ? `${subject.charAt(0).toUpperCase()}${subject.slice(1)}: ${words(verb)}` : subject
}

const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
const plural = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`

const REPORT_REASONS: Record<string, string> = {
  inaccurate: 'inaccurate',
  no_evidence: 'no evidence',
  harassment: 'harassment',
  duplicate: 'duplicate',
  other: 'other reason',
}

/** One line of specifics from the audit row's before/after: the artist, the list, the version… */
export function activityDetail(item: ActivityItem): string | null {
  const after = record(item.after)
  const before = record(item.before)
  const data = { ...before, ...after }
  const parts: string[] = []

  if (typeof data.artistName === 'string') parts.push(data.artistName)
  if (typeof data.name === 'string') parts.push(data.name)
  if (typeof data.listName === 'string') parts.push(`“${data.listName}”`)
  if (item.action === 'blocklist.entry_updated') {
    const tagsBefore = JSON.stringify(before.tags ?? [])
    const tagsAfter = JSON.stringify(after.tags ?? [])
    if (tagsBefore !== tagsAfter) parts.push(Array.isArray(after.tags) && after.tags.length ? `tags: ${after.tags.join(', ')}` : 'tags removed')
    if ((before.note ?? null) !== (after.note ?? null)) parts.push(after.note ? 'note changed' : 'note removed')
  }
  if (item.action === 'blocklist.imported' && typeof after.added === 'number') {
    parts.push(`${plural(after.added, 'artist', 'artists')} added`)
  }
  if (item.action === 'blocklist.import_previewed') {
    const summary = record(after.summary)
    const rows = Object.values(summary).reduce<number>((sum, n) => sum + (typeof n === 'number' ? n : 0), 0)
    if (rows > 0) parts.push(`${plural(rows, 'row', 'rows')}${typeof after.format === 'string' ? ` of ${after.format.toUpperCase()}` : ''}`)
  }
  if (item.action === 'community_list.published' && typeof after.version === 'number') {
    parts.push(`version ${after.version}${typeof after.itemCount === 'number' ? `, ${plural(after.itemCount, 'artist', 'artists')}` : ''}`)
  }
  if (item.subjectType === 'community_list' && item.action.startsWith('subscription.')) {
    if (item.action === 'subscription.accepted' && typeof after.acceptedVersion === 'number') parts.push(`version ${after.acceptedVersion}`)
    else if (after.mode === 'pinned' && typeof after.pinnedVersion === 'number') parts.push(`pinned to version ${after.pinnedVersion}`)
    else if (after.mode === 'auto') parts.push('auto-update')
  }
  if (item.action === 'community_list.item_reported' && typeof after.reason === 'string') {
    parts.push(`reason: ${REPORT_REASONS[after.reason] ?? after.reason}`)
  }
  return parts.length ? parts.join(' · ') : null
}

/** Where the row's subject can be seen, when it still has a page. */
export function activityLink(item: ActivityItem): { href: string; label: string } | null {
  if (item.subjectType === 'community_list' && item.subjectId && item.action !== 'subscription.removed') {
    return { href: `/community/${item.subjectId}`, label: 'View list' }
  }
  if (item.subjectType === 'blocklist_entry' && item.action !== 'blocklist.entry_removed') return { href: '/my-list', label: 'My list' }
  return null
}
