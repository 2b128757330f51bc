#!/usr/bin/env node
// The `devenv` command: runs the TypeScript CLI from source through tsx's loader (no build step),
// the same way the API runs.
import { register } from 'tsx/esm/api'

register()
await import('../src/cli.ts')
