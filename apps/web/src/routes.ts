import type { Component } from 'svelte'
import type { Access } from './lib/guards.ts'
import AccountPage from './pages/AccountPage.svelte'
import RegisterPage from './pages/RegisterPage.svelte'
import SignInPage from './pages/SignInPage.svelte'

export interface Route {
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
  { path: '/account', access: 'signed-in', page: AccountPage, navLabel: 'Account' },
]

export function findRoute(path: string): Route | undefined {
  return routes.find((route) => route.path === path)
}

export const navItems = routes.flatMap((route) => (route.navLabel ? [{ href: route.path, label: route.navLabel }] : []))
