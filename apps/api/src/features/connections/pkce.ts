import { createHash, randomBytes } from 'node:crypto'

// RFC 7636. 64 random bytes → 86 base64url characters, inside the 43–128 the RFC allows, all from
// its unreserved alphabet.
export const createCodeVerifier = (random: (bytes: number) => Buffer = randomBytes): string => random(64).toString('base64url')

/** S256: base64url(SHA-256(verifier)), no padding. */
export const codeChallengeS256 = (verifier: string): string => createHash('sha256').update(verifier, 'ascii').digest('base64url')

/** An opaque, unguessable `state`; only its hash is stored. */
export const createState = (random: (bytes: number) => Buffer = randomBytes): string => random(32).toString('base64url')

export const hashState = (state: string): string => createHash('sha256').update(state, 'utf8').digest('hex')
