export interface DayGroup<T> {
  /** yyyy-mm-dd in the reader's time zone. */
  key: string
  label: string
  items: T[]
}

const dayKey = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`

/** Consecutive items of one calendar day, labelled "Today", "Yesterday" or the date. Keeps the order given. */
export function groupByDay<T extends { createdAt: string }>(items: readonly T[], now: Date, locale?: string): DayGroup<T>[] {
  const today = dayKey(now)
  const yesterday = dayKey(new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1))
  const format = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })
  const groups: DayGroup<T>[] = []
  for (const item of items) {
    const date = new Date(item.createdAt)
    const key = dayKey(date)
    const last = groups.at(-1)
    if (last?.key === key) {
      last.items.push(item)
      continue
    }
    const label = key === today ? 'Today' : key === yesterday ? 'Yesterday' : format.format(date)
    groups.push({ key, label, items: [item] })
  }
  return groups
}
