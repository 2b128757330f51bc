import path from 'node:path'

/** tools/devenv */
export const devenvRoot = path.resolve(import.meta.dirname, '../..')

/** The repository root: every command that touches the repository runs from here. */
export const repoRoot = path.resolve(devenvRoot, '../..')

/** How the Tiltfile and the triggers run devenv (relative to the repository root). */
export const devenvCommand = ['node', 'tools/devenv/bin/devenv.js'] as const
