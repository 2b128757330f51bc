// Artist pictures in Spotify's shape (an `images` array, 640/320/160 px squares, largest first).
// The simulator works offline, so a picture is a small data: SVG (a silhouette on a colour drawn from
// the artist's id) rather than a CDN link; the web app's CSP allows data: images. One artist in three
// has none, as on Spotify, so the app's generated avatars show up in development too.

const SIZES = [640, 320, 160] as const

/** FNV-1a: a stable 32-bit number from an id. */
function hash(text: string): number {
  let h = 0x811c9dc5
  for (const char of text) h = Math.imul(h ^ char.charCodeAt(0), 0x01000193) >>> 0
  return h
}

function silhouette(hue: number): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="hsl(${hue} 45% 38%)"/>` +
    `<circle cx="32" cy="25" r="12" fill="hsl(${hue} 50% 80%)"/><path d="M10 64c2-14 11-21 22-21s20 7 22 21z" fill="hsl(${hue} 50% 80%)"/></svg>`
}

export function artistImages(id: string): { url: string; height: number; width: number }[] {
  const h = hash(id)
  if (h % 3 === 0) return []
  const url = `data:image/svg+xml,${encodeURIComponent(silhouette(h % 360))}`
  return SIZES.map((size) => ({ url, height: size, width: size }))
}
