import { vitePreprocess } from '@sveltejs/vite-plugin-svelte'

/** @type {import('@sveltejs/vite-plugin-svelte').SvelteConfig} */
export default {
  // Lets <script lang="ts"> use TypeScript syntax beyond type annotations.
  preprocess: vitePreprocess(),
  compilerOptions: { runes: true },
}
