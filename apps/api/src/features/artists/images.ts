/** An entry of a provider's `images` array (Spotify: 640, 320 and 160 px squares, largest first). */
export interface ProviderImage {
  url: string
  width?: number | null
  height?: number | null
}

/** The widest the app shows an artist's picture (64 px) at 2× density: a smaller image would blur. */
export const PICTURE_MIN_WIDTH = 128
/** Longer is not a picture link (the catalog's CHECK constraint says the same, migration 0017). */
export const PICTURE_MAX_LENGTH = 2048

/**
 * Only what the web app's Content-Security-Policy lets an <img> load (img-src https: data:), and what
 * cannot run script there: https links and data: images.
 */
export function isShowablePicture(url: string): boolean {
  return url.length <= PICTURE_MAX_LENGTH && (url.startsWith('https://') || url.startsWith('data:image/'))
}

/**
 * The picture to keep for an artist: the smallest that is still sharp at PICTURE_MIN_WIDTH, else the
 * largest there is; null when the provider has none the app could show.
 */
export function pickArtistPicture(images: readonly ProviderImage[] | null | undefined): string | null {
  const showable = (images ?? []).filter((image) => typeof image.url === 'string' && isShowablePicture(image.url))
  const bySize = [...showable].sort((a, b) => (a.width ?? 0) - (b.width ?? 0))
  return (bySize.find((image) => (image.width ?? 0) >= PICTURE_MIN_WIDTH) ?? bySize.at(-1))?.url ?? null
}
