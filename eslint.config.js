// One lint configuration for every project; each project's `lint` target runs eslint on its folders.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import globals from 'globals'
import { depConstraints, plugin as ndith } from './tools/workspace/eslint/index.js'

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.data/**', '**/test-results/**', '**/playwright-report/**', '**/test-results-external/**', '**/playwright-report-external/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  {
    // Which project may import which, by the Nx tags in each package.json (tools/workspace/eslint).
    // No `files`: test files, Svelte components and scripts are held to the same boundaries.
    plugins: { ndith },
    rules: { 'ndith/module-boundaries': ['error', { depConstraints }] },
  },
  {
    // Migrations are frozen against Kysely<any> on purpose: they must not depend on today's types.
    files: ['migrations/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
)
