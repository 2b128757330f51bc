import { describe, expect, it } from 'vitest'
import nginxConf from '../nginx.conf?raw'
import { contentSecurityPolicy, securityHeaders } from '../security-headers.ts'

describe('security headers', () => {
  it('nginx sends the same production policy as vite preview, on the app and on its assets', () => {
    const sent = [...nginxConf.matchAll(/add_header Content-Security-Policy "([^"]+)" always;/g)].map((m) => m[1])
    expect(sent).toEqual([contentSecurityPolicy(), contentSecurityPolicy()])
    for (const header of ['X-Content-Type-Options nosniff', 'X-Frame-Options DENY', 'Referrer-Policy strict-origin-when-cross-origin', 'Strict-Transport-Security $hsts']) {
      expect(nginxConf.split(`add_header ${header} always;`)).toHaveLength(3)
    }
  })

  it('the production policy allows no inline script or style; only the dev server relaxes styles and its socket', () => {
    expect(contentSecurityPolicy()).not.toContain('unsafe')
    expect(securityHeaders()).toMatchObject({ 'X-Frame-Options': 'DENY', 'X-Content-Type-Options': 'nosniff' })
    expect(contentSecurityPolicy(true)).toContain("style-src 'self' 'unsafe-inline'")
    expect(contentSecurityPolicy(true)).toContain("script-src 'self';")
  })
})
