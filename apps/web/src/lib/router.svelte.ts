/** A small history-API router: the app has a handful of flat paths and needs nothing more. */

/* eslint-disable svelte/prefer-svelte-reactivity --
   URL and URLSearchParams here are read-only snapshots, replaced whole on every navigation. */

export interface NavigateOptions {
  replace?: boolean
}

export class Router {
  path = $state('/')
  query = $state(new URLSearchParams())
  /** Counts in-app navigations; 0 until the first one, so the initial load does not steal focus. */
  navigations = $state(0)

  constructor(private readonly win: Window = window) {
    this.#sync()
    win.addEventListener('popstate', () => {
      this.#sync()
      this.navigations++
    })
  }

  navigate(to: string, options: NavigateOptions = {}): void {
    const url = new URL(to, this.win.location.origin)
    if (url.origin !== this.win.location.origin) throw new Error(`Refusing to navigate off-site to ${to}`)
    const method = options.replace ? 'replaceState' : 'pushState'
    this.win.history[method](null, '', url.pathname + url.search + url.hash)
    this.#sync()
    this.navigations++
  }

  #sync() {
    const { pathname, search } = this.win.location
    this.path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname
    this.query = new URLSearchParams(search)
  }
}

export const router = new Router()
