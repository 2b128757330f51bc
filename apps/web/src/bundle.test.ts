// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { build, type Rollup } from 'vite'

/**
 * The app imports plain values from @ndith/contracts (limits, error codes, labels); the schema
 * modules beside them pull in TypeBox, which the browser never needs (about 70 kB). This builds
 * the real bundle in memory and checks that TypeBox stayed out.
 */
describe('production bundle', () => {
  it('does not carry the schema library (TypeBox) from the contracts package', async () => {
    const output = (await build({ configFile: new URL('../vite.config.ts', import.meta.url).pathname, logLevel: 'silent', build: { write: false, sourcemap: false } })) as Rollup.RollupOutput
    const code = output.output.filter((chunk): chunk is Rollup.OutputChunk => chunk.type === 'chunk')
    const modules = code.flatMap((chunk) => Object.keys(chunk.modules))

    expect(modules.some((id) => id.includes('/packages/contracts/'))).toBe(true)
    expect(modules.filter((id) => id.includes('/node_modules/typebox/'))).toEqual([])
  }, 60_000)
})
