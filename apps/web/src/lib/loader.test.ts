import { describe, expect, it } from 'vitest'
import { Loader } from './loader.svelte.ts'

function deferred<T>() {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

describe('Loader', () => {
  it('ignores a slow earlier answer that arrives after a newer one (typing fast never shows stale results)', async () => {
    const answers = [deferred<string>(), deferred<string>()]
    let call = 0
    const loader = new Loader(() => answers[call++]!.promise)

    const first = loader.load()
    const second = loader.load()
    answers[1]!.resolve('kanye west')
    await second
    answers[0]!.resolve('kanye')
    await first

    expect(loader.data).toBe('kanye west')
    expect(loader.status).toBe('ready')
  })

  it('aborts the superseded request', async () => {
    const signals: AbortSignal[] = []
    const loader = new Loader((signal) => {
      signals.push(signal)
      return new Promise<number>(() => undefined)
    })

    void loader.load()
    void loader.load()

    expect(signals[0]!.aborted).toBe(true)
    expect(signals[1]!.aborted).toBe(false)
  })

  it('keeps the last good data while reloading and after a failed reload', async () => {
    let fail = false
    const loader = new Loader(async () => {
      if (fail) throw new Error('boom')
      return [1, 2]
    })
    await loader.load()

    fail = true
    const reload = loader.load()
    expect(loader.initialLoading).toBe(false)
    await reload

    expect(loader.status).toBe('error')
    expect(loader.data).toEqual([1, 2])
    expect(loader.error).toBeInstanceOf(Error)
  })

  it('is "initial loading" only before the first answer', () => {
    const loader = new Loader(() => new Promise<number>(() => undefined))
    void loader.load()

    expect(loader.initialLoading).toBe(true)
  })
})
