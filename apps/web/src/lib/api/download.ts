/**
 * The file name in a Content-Disposition header (RFC 6266): the UTF-8 `filename*` form wins over
 * the plain one. Path parts are dropped so a name can never point into a folder.
 */
export function filenameFromDisposition(header: string | null): string | null {
  if (!header) return null
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header)
  let name: string | null = null
  if (extended) {
    try {
      name = decodeURIComponent(extended[1]!.trim())
    } catch {
      name = null
    }
  }
  if (!name) {
    const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/.exec(header)
    name = plain ? (plain[1]?.replace(/\\(.)/g, '$1') ?? plain[2] ?? null) : null
  }
  const base = name?.split(/[/\\]/).pop()?.trim()
  return base ? base : null
}

/** Hands a downloaded file to the browser's "save" flow. */
export function saveFile({ blob, filename }: { blob: Blob; filename: string }, doc: Document = document): void {
  const href = URL.createObjectURL(blob)
  const link = doc.createElement('a')
  link.href = href
  link.download = filename
  link.rel = 'noopener'
  link.style.display = 'none'
  doc.body.append(link)
  link.click()
  link.remove()
  // The click starts the download synchronously; revoking later keeps slow browsers safe.
  setTimeout(() => URL.revokeObjectURL(href), 30_000)
}
