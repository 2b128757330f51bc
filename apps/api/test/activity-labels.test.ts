import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ACTIVITY_LABELS } from '@ndith/contracts'

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path.join(dir, e.name)] : [],
  )

describe('activity labels', () => {
  it('every audited action has a human label for the Activity page', () => {
    const actions = new Set(sources(path.resolve(import.meta.dirname, '../src')).flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/action: '([a-z_.]+)'/g)].map((m) => m[1]!)))
    expect([...actions].filter((a) => !ACTIVITY_LABELS[a])).toEqual([])
  })
})
