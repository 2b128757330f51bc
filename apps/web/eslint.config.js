// The root configuration (TypeScript rules for every project) plus Svelte components.
import svelte from 'eslint-plugin-svelte'
import globals from 'globals'
import tseslint from 'typescript-eslint'
import root from '../../eslint.config.js'
import svelteConfig from './svelte.config.js'

export default tseslint.config(
  ...root,
  ...svelte.configs.recommended,
  {
    files: ['src/**/*.{ts,svelte}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Plain scripts served as they are (theme-init.js runs before the bundle).
    files: ['public/**/*.js'],
    languageOptions: { globals: { ...globals.browser }, sourceType: 'script' },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: tseslint.parser, svelteConfig },
    },
  },
)
