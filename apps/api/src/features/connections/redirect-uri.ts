// Where a provider may send the listener back. Spotify accepts HTTPS, or plain HTTP only on a
// loopback IP literal (127.0.0.1 or [::1]); it refuses `localhost`, because that name can resolve
// elsewhere (a hosts file, a DNS answer), while a loopback IP cannot leave the machine.

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]'])

/** A problem with `uri` as an OAuth redirect, in words a developer can act on; undefined if fine. */
export function redirectUriProblem(uri: string): string | undefined {
  let url: URL
  try {
    url = new URL(uri)
  } catch {
    return 'is not an absolute URL'
  }
  if (url.hash) return 'must not contain a #fragment'
  if (url.protocol === 'https:') return undefined
  if (url.protocol !== 'http:') return `uses ${url.protocol}; use https, or http on 127.0.0.1`
  if (url.hostname === 'localhost') return 'uses localhost, which Spotify refuses; use http://127.0.0.1:PORT/… instead'
  if (!LOOPBACK_HOSTS.has(url.hostname)) return 'uses plain http on a non-loopback host; use https, or http on 127.0.0.1'
  return undefined
}

/** Where the web app goes after the callback: a path on our own origin, never another site. */
export const isSafeReturnPath = (path: string): boolean => /^\/(?![/\\])[^\s]*$/.test(path)
