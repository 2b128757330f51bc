// A deterministic generated artist catalog: the same names on every run, so figures compare.
/**
 * A seeded LCG in exact 32-bit arithmetic (Math.imul): in doubles the product lost its low bits and
 * the sequence fell into a short cycle (100,000 generated names held only 3,764 distinct ones).
 */
export function seededRandom(seed: number) {
  return () => (seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) / 2 ** 31
}
export const random = seededRandom(42)
export const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!
// Onset + vowel + optional coda: ~1,900 syllables, so names share trigrams about as often as
// real artist names do (a handful of syllables would make every name look like every other).
const onsets = ['', 'b', 'br', 'c', 'ch', 'd', 'dr', 'f', 'g', 'gr', 'h', 'j', 'k', 'kr', 'l', 'm', 'n', 'p', 'pr', 'r', 's', 'sh', 'st', 't', 'tr', 'v', 'w', 'y', 'z']
const vowels = ['a', 'e', 'i', 'o', 'u', 'ai', 'ou', 'ee']
const codas = ['', '', 'n', 'r', 'l', 's', 'x', 'ck', 'nd', 'm', 'k']
const syllables = onsets.flatMap((o) => vowels.flatMap((v) => codas.map((c) => o + v + c)))
const word = () => Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(syllables)).join('')
export const artistName = () => `${word()} ${word()}`.replace(/\b\w/g, (c) => c.toUpperCase())
/** A search a person might type: a prefix, or the name with one letter dropped. */
export const typo = (n: string) => (random() < 0.5 ? n.slice(0, Math.max(4, Math.floor(n.length * 0.6))) : n.replace(/[aeiou](?=[^aeiou]*$)/, ''))
const at = (w: string) => 1 + Math.floor(random() * (w.length - 2))
const swap = (w: string, i = at(w)) => w.slice(0, i) + w[i + 1] + w.slice(i, i + 1) + w.slice(i + 2)
const drop = (w: string, i = at(w)) => w.slice(0, i) + w.slice(i + 1)
const change = (w: string, i = at(w)) => w.slice(0, i) + (w[i] === 'x' ? 'q' : 'x') + w.slice(i + 1)
/** Two typos, one in each word: two swapped letters and a dropped one, or two wrong letters. */
export const twoTypos = (n: string) => {
  const [a, b] = n.split(' ') as [string, string]
  const r = random()
  return r < 0.33 ? `${swap(a)} ${drop(b)}` : r < 0.66 ? `${drop(a)} ${swap(b)}` : `${change(a)} ${change(b)}`
}
