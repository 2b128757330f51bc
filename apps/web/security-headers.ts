/**
 * The web app's security headers, for Vite's dev and preview servers. nginx.conf sends the same
 * production policy (a unit test keeps the two in step). The built app loads only its own files:
 * no inline script or style; artist images may come from any HTTPS host (provider CDNs).
 */
const directives = (dev: boolean) => [
  "default-src 'self'",
  "script-src 'self'",
  // The dev server injects each module's CSS as a <style> element (and Svelte's HMR too).
  dev ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
  "img-src 'self' https: data:",
  "font-src 'self'",
  // The dev server's hot-reload socket.
  dev ? "connect-src 'self' ws: wss:" : "connect-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
]

export const contentSecurityPolicy = (dev = false) => directives(dev).join('; ')

/** HSTS is left to whoever terminates TLS (nginx or the ingress): these servers speak plain HTTP. */
export const securityHeaders = (dev = false): Record<string, string> => ({
  'Content-Security-Policy': contentSecurityPolicy(dev),
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
})
