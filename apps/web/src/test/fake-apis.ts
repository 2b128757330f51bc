import type { Artist } from '@ndith/contracts'
import { render } from '@testing-library/svelte'
import type { Component } from 'svelte'
import { vi } from 'vitest'
import { APIS_CONTEXT_KEY, type Apis } from '../lib/api/apis.ts'

type DeepPartial = { [K in keyof Apis]?: Partial<Apis[K]> }

/** Every call fails unless the test gives it an answer, so a test never hits an unexpected endpoint quietly. */
function unexpected(name: string) {
  return vi.fn(() => Promise.reject(new Error(`unexpected call: ${name}`)))
}

function fill<T extends object>(group: string, names: readonly (keyof T)[], given: Partial<T> = {}): T {
  return Object.fromEntries(names.map((name) => [name, given[name] ?? unexpected(`${group}.${String(name)}`)])) as T
}

export function fakeApis(given: DeepPartial = {}): Apis {
  return {
    artists: fill('artists', ['search', 'resolve', 'get'], given.artists),
    blocklist: fill('blocklist', ['list', 'add', 'update', 'remove', 'exportFile', 'previewImport', 'confirmImport'], given.blocklist),
    community: fill(
      'community',
      ['browse', 'get', 'create', 'update', 'items', 'addItem', 'updateItem', 'removeItem', 'reportItem', 'publish', 'versions', 'diff', 'subscribe', 'unsubscribe', 'accept', 'preview', 'subscriptions', 'reports', 'effective', 'exportEffective'],
      given.community,
    ),
    account: fill('account', ['activity', 'exportData', 'profile', 'setDisplayName', 'deleteAccount'], given.account),
    connections: fill('connections', ['overview', 'start', 'disconnect', 'scan', 'library'], given.connections),
    enforcement: fill(
      'enforcement',
      ['options', 'saveOptions', 'plan', 'actions', 'skipped', 'run', 'runs', 'getRun', 'runItems', 'previewRollback', 'rollback', 'keepEnforced', 'setKeepEnforced'],
      given.enforcement,
    ),
    sessions: fill('sessions', ['changePassword', 'list', 'revoke', 'signOutEverywhere'], given.sessions),
  }
}

/** Renders a component with the given API clients in context (what useApis() returns). */
export function renderWithApis<Props extends Record<string, unknown>>(component: Component<Props>, props: NoInfer<Props>, apis: Apis) {
  // The props are checked by this function's signature; Testing Library's option union does not infer from a generic component.
  return render(component, { props, context: new Map([[APIS_CONTEXT_KEY, apis]]) } as never)
}

export const artist = (name: string, extra: Partial<Artist> = {}): Artist => ({
  id: `00000000-0000-4000-8000-${name.replace(/\W/g, '').toLowerCase().padEnd(12, '0').slice(0, 12)}`,
  name,
  aliases: [],
  imageUrl: null,
  genres: [],
  externalIds: { spotify: '3TVXtAsR1Inumwj472S9r4' },
  ...extra,
})
