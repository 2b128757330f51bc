import { PROVIDERS, PROVIDER_LABELS, providerUrl, type ExternalIds, type Provider } from '@ndith/contracts'

export interface ProviderLink {
  provider: Provider
  label: string
  url: string
}

/** The services an artist is known on, in the contract's order, with their public pages. */
export function providerLinks(externalIds: ExternalIds): ProviderLink[] {
  return PROVIDERS.flatMap((provider) => {
    const id = externalIds[provider]
    return id ? [{ provider, label: PROVIDER_LABELS[provider], url: providerUrl(provider, id) }] : []
  })
}

/** Up to two letters for a picture placeholder: "Kanye West" → "KW", "2Pac" → "2P", "Björk" → "B". */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean)
  if (words.length === 0) return '?'
  const letters = words.length === 1 ? [...words[0]!].slice(0, 2) : [[...words[0]!][0], [...words.at(-1)!][0]]
  return letters.join('').toUpperCase()
}
