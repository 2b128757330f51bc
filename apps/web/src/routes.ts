import type { Component } from 'svelte'
import type { Access } from './lib/guards.ts'
import { matchPath } from './lib/path-match.ts'
import AccountPage from './pages/AccountPage.svelte'
import ActivityPage from './pages/ActivityPage.svelte'
import CommunityListPage from './pages/CommunityListPage.svelte'
import CommunityMinePage from './pages/CommunityMinePage.svelte'
import CommunityPage from './pages/CommunityPage.svelte'
import ConnectionsPage from './pages/ConnectionsPage.svelte'
import EffectiveListPage from './pages/EffectiveListPage.svelte'
import EnforcePageRoute from './pages/EnforcePageRoute.svelte'
import ImportPage from './pages/ImportPage.svelte'
import MyListPage from './pages/MyListPage.svelte'
import NewCommunityListPage from './pages/NewCommunityListPage.svelte'
import RegisterPage from './pages/RegisterPage.svelte'
import ReportsPage from './pages/ReportsPage.svelte'
import SignInPage from './pages/SignInPage.svelte'
import SubscriptionsPage from './pages/SubscriptionsPage.svelte'

export interface Route {
  /** A fixed path, or a pattern with ":name" segments (e.g. /community/:id). */
  path: string
  access: Access
  page: Component
  /** Shown in the app shell's navigation when set. */
  navLabel?: string
}

/** Every page of the app. Only pages that work are listed; later features add theirs here. */
export const routes: readonly Route[] = [
  { path: '/sign-in', access: 'signed-out', page: SignInPage },
  { path: '/register', access: 'signed-out', page: RegisterPage },
  { path: '/my-list', access: 'signed-in', page: MyListPage, navLabel: 'My list' },
  { path: '/my-list/effective', access: 'signed-in', page: EffectiveListPage },
  { path: '/my-list/import', access: 'signed-in', page: ImportPage },
  { path: '/community', access: 'signed-in', page: CommunityPage, navLabel: 'Community' },
  { path: '/community/mine', access: 'signed-in', page: CommunityMinePage },
  { path: '/community/subscriptions', access: 'signed-in', page: SubscriptionsPage },
  { path: '/community/reports', access: 'signed-in', page: ReportsPage },
  { path: '/community/new', access: 'signed-in', page: NewCommunityListPage },
  // After the fixed /community/… paths, which it would otherwise swallow.
  { path: '/community/:id', access: 'signed-in', page: CommunityListPage },
  { path: '/connections', access: 'signed-in', page: ConnectionsPage, navLabel: 'Connections' },
  { path: '/connections/:id/enforce', access: 'signed-in', page: EnforcePageRoute },
  { path: '/activity', access: 'signed-in', page: ActivityPage, navLabel: 'Activity' },
  { path: '/account', access: 'signed-in', page: AccountPage, navLabel: 'Account' },
]

export function findRoute(path: string): Route | undefined {
  return routes.find((route) => matchPath(route.path, path) !== null)
}

export const navItems = routes.flatMap((route) => (route.navLabel ? [{ href: route.path, label: route.navLabel }] : []))
