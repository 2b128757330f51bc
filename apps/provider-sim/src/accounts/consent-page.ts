import type { SimUser } from '../model.ts'
import { knownScopes } from './scopes.ts'

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** The consent screen: the app's client id, what it asks for, who signs in, Approve or Deny. */
export function consentPage(input: { requestId: string; clientId: string; scopes: string[]; users: SimUser[] }): string {
  const scopes = input.scopes.map((s) => `<li><code>${escape(s)}</code> — ${escape(knownScopes[s] ?? s)}</li>`).join('')
  const users = input.users
    .map((u, i) => `<label><input type="radio" name="user" value="${escape(u.id)}"${i === 0 ? ' checked' : ''}> ${escape(u.displayName)} <small>(${escape(u.email)})</small></label>`)
    .join('<br>')
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Spotify (simulated) – Authorize</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem}button{padding:.5rem 1.5rem;margin-right:.5rem}</style></head>
<body>
<h1>Spotify (simulated)</h1>
<p>The application <strong>${escape(input.clientId)}</strong> would like to:</p>
<ul>${scopes || '<li>See your public profile</li>'}</ul>
<form method="post" action="/authorize/decision">
<input type="hidden" name="request_id" value="${escape(input.requestId)}">
<fieldset><legend>Sign in as</legend>${users}</fieldset>
<p><button type="submit" name="decision" value="approve">Agree</button>
<button type="submit" name="decision" value="deny">Cancel</button></p>
</form>
</body></html>`
}

export function errorPage(message: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Spotify (simulated) – Error</title></head><body><h1>Oops! Something went wrong</h1><p>${escape(message)}</p></body></html>`
}
