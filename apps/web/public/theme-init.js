// Runs before the first paint (a blocking script in <head>, external so the CSP allows it): the
// listener's theme choice, or the system's, as a class on <html>. See src/lib/theme.svelte.ts.
;(function () {
  var choice = null
  try {
    choice = localStorage.getItem('ndith-theme')
  } catch {
    // storage blocked: follow the system
  }
  var dark = choice === 'dark' || (choice !== 'light' && window.matchMedia('(prefers-color-scheme: dark)').matches)
  document.documentElement.classList.toggle('dark', dark)
})()
