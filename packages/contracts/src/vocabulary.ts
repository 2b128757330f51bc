// Plain values only (the web app imports this; keep TypeBox out).

/**
 * A closed set of codes with the words shown for each, declared once: `codes` keeps their order
 * (for schemas, selects and lists), `labels` maps each code to its wording.
 */
export function vocabulary<const L extends Record<string, string>>(labels: L) {
  return {
    codes: Object.keys(labels) as unknown as readonly [keyof L & string, ...(keyof L & string)[]],
    labels: labels as Readonly<Record<keyof L & string, string>>,
  }
}
