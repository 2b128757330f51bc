/**
 * Whether an `INSERT … ON CONFLICT DO NOTHING … RETURNING` added its row: a conflict returns
 * nothing, so "already there" (or "a concurrent request won") is told apart without an error.
 */
export const wasInserted = async (insert: { executeTakeFirst(): Promise<unknown> }): Promise<boolean> => Boolean(await insert.executeTakeFirst())
