/** "25 November 2025" in the reader's locale; the machine-readable date goes in <time datetime>. */
export function formatLongDate(iso: string, locale?: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(date)
}
