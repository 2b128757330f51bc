// @ts-check
// The workspace's ESLint plugin (`ndith/...` in eslint.config.js) and the boundaries it enforces.
import { moduleBoundaries } from './module-boundaries.js'

/** @type {import('eslint').ESLint.Plugin} */
export const plugin = { meta: { name: '@ndith/workspace' }, rules: { 'module-boundaries': moduleBoundaries } }

/**
 * Which project may import which, by Nx tag (each project's package.json, `nx.tags`):
 *   type:contract    packages/contracts   imports nothing of ours
 *   type:migrations  migrations           imports nothing of ours (frozen on Kysely<any>)
 *   type:api         apps/api             the contract and the migrations; never web, devenv or the simulator
 *   type:web         apps/web             the contract only; never the API
 *   type:simulator   apps/provider-sim    the contract, and devenv for the seed catalog it serves
 *   type:e2e         apps/web-e2e         the contract, and the simulator it may start
 *   type:tool        tools/devenv         the contract and the migrations; never the API's source
 *   type:workspace   tools/workspace      nothing of ours (the lint rule, the test totals)
 * A project talks to the API over HTTP, through the contract, never by importing its source.
 * @type {import('./module-boundaries.js').DepConstraint[]}
 */
export const depConstraints = [
  { sourceTag: 'type:contract', onlyDependOnLibsWithTags: [] },
  { sourceTag: 'type:migrations', onlyDependOnLibsWithTags: [] },
  { sourceTag: 'type:api', onlyDependOnLibsWithTags: ['type:contract', 'type:migrations'] },
  { sourceTag: 'type:web', onlyDependOnLibsWithTags: ['type:contract'] },
  { sourceTag: 'type:simulator', onlyDependOnLibsWithTags: ['type:contract', 'type:tool'] },
  { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:contract', 'type:simulator'] },
  { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:contract', 'type:migrations'] },
  { sourceTag: 'type:workspace', onlyDependOnLibsWithTags: [] },
]
