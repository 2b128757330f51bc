/** A LIKE pattern matching `text` anywhere, lower-cased, with %, _ and \ taken literally. */
export const containsPattern = (text: string) => `%${text.trim().toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`
