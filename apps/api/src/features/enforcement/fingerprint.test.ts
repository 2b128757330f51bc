import { describe, expect, it } from 'vitest'
import { fingerprintPlanInputs } from './fingerprint.ts'
import { blocked, blocklistOf, chris, communityList, followedPlaylist, inPlaylist, kelly, ownedPlaylist, personal, savedTrack, snapshotOf, tekashi } from './planner-fixtures.ts'
import { withPlanDefaults } from './planner-options.ts'
import { planEnforcement } from './planner.ts'
import type { EffectiveBlocklist, LibrarySnapshot, PlanOptions } from './planner-types.ts'

const gym = ownedPlaylist('pl-gym', 'Gym')
const radio = followedPlaylist('pl-radio', 'Radio')
const loyal = savedTrack('loyal', 'Loyal', [chris])
const ignition = savedTrack('ignition', 'Ignition', [kelly], [tekashi])

const snapshot = snapshotOf([loyal, ignition, inPlaylist(gym.id, 0, loyal), inPlaylist(radio.id, 3, ignition)], [gym, radio])
const blocklist = blocklistOf(blocked(chris, personal, communityList('Labels', 1)), blocked(kelly, communityList('Documented abuse', 2)))
const options = withPlanDefaults({ includeFeatured: true, exceptions: { artistIds: ['artist-x', 'artist-y'], trackUris: ['spotify:track:a', 'spotify:track:b'] } })
const fingerprint = fingerprintPlanInputs(snapshot, blocklist, options)

describe('the plan fingerprint', () => {
  it('is a sha256 hex digest, and the one the plan carries', () => {
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/)
    expect(planEnforcement(snapshot, blocklist, options).fingerprint).toBe(fingerprint)
  })

  it('is the same when items, playlists, blocklist entries, sources and exceptions come in another order', () => {
    const reordered: LibrarySnapshot = { ...snapshot, items: [...snapshot.items].reverse(), playlists: [...snapshot.playlists].reverse() }
    const reversedList: EffectiveBlocklist = { entries: [...blocklist.entries].reverse().map((entry) => ({ ...entry, sources: [...entry.sources].reverse() })) }
    const reversedOptions: PlanOptions = {
      ...options,
      exceptions: { artistIds: ['artist-y', 'artist-x', 'artist-y'], trackUris: ['spotify:track:b', 'spotify:track:a'], playlistIds: [] },
    }
    expect(fingerprintPlanInputs(reordered, reversedList, reversedOptions)).toBe(fingerprint)
  })

  it('ignores display names and the scan time, which do not change what the plan removes', () => {
    const renamed: LibrarySnapshot = {
      ...snapshot,
      scannedAt: '2027-01-01T00:00:00Z',
      items: snapshot.items.map((item) => ({ ...item, name: item.name.toUpperCase(), addedAt: '2020-01-01T00:00:00Z' })),
      playlists: snapshot.playlists.map((playlist) => ({ ...playlist, name: 'Renamed' })),
    }
    const renamedList: EffectiveBlocklist = { entries: blocklist.entries.map((entry) => ({ ...entry, name: 'Someone' })) }
    expect(fingerprintPlanInputs(renamed, renamedList, options)).toBe(fingerprint)
  })

  it('ignores credits of artists not on the list, which cannot change the plan while the list stays the same', () => {
    const recredited: LibrarySnapshot = { ...snapshot, items: snapshot.items.map((i) => ({ ...i, artists: [...i.artists, { artistId: 'artist-unlisted', name: 'Unlisted', role: 'primary' as const }] })) }
    expect(fingerprintPlanInputs(recredited, blocklist, options)).toBe(fingerprint)
  })

  const changes: [string, () => string][] = [
    ['an item is added', () => fingerprintPlanInputs({ ...snapshot, items: [...snapshot.items, savedTrack('new', 'New', [chris])] }, blocklist, options)],
    ['an item is removed', () => fingerprintPlanInputs({ ...snapshot, items: snapshot.items.slice(1) }, blocklist, options)],
    ['an item moves in its playlist', () => fingerprintPlanInputs({ ...snapshot, items: snapshot.items.map((i) => (i.position === 0 ? { ...i, position: 1 } : i)) }, blocklist, options)],
    ["a listed artist's role on an item changes", () => fingerprintPlanInputs({ ...snapshot, items: snapshot.items.map((i) => ({ ...i, artists: i.artists.map((a) => ({ ...a, role: 'featured' as const })) })) }, blocklist, options)],
    ['a listed artist is credited on an item', () => fingerprintPlanInputs({ ...snapshot, items: snapshot.items.map((i) => ({ ...i, artists: [...i.artists, { ...chris, role: 'featured' as const }] })) }, blocklist, options)],
    ["a playlist's snapshot id changes", () => fingerprintPlanInputs({ ...snapshot, playlists: [{ ...gym, snapshotId: 'snap-pl-gym-2' }, radio] }, blocklist, options)],
    ['a playlist becomes collaborative', () => fingerprintPlanInputs({ ...snapshot, playlists: [gym, { ...radio, collaborative: true }] }, blocklist, options)],
    ['an artist is added to the blocklist', () => fingerprintPlanInputs(snapshot, { entries: [...blocklist.entries, blocked(tekashi, personal)] }, options)],
    ['a community list moves to a new version', () => fingerprintPlanInputs(snapshot, blocklistOf(blocklist.entries[0]!, blocked(kelly, communityList('Documented abuse', 3))), options)],
    ['a source is dropped from an artist', () => fingerprintPlanInputs(snapshot, blocklistOf(blocked(chris, personal), blocklist.entries[1]!), options)],
    ['includeFeatured is toggled', () => fingerprintPlanInputs(snapshot, blocklist, { ...options, includeFeatured: false })],
    ['a category is toggled', () => fingerprintPlanInputs(snapshot, blocklist, { ...options, categories: { ...options.categories, savedAlbums: false } })],
    ['an artist exception is added', () => fingerprintPlanInputs(snapshot, blocklist, { ...options, exceptions: { ...options.exceptions, artistIds: [chris.artistId] } })],
    ['a track exception is added', () => fingerprintPlanInputs(snapshot, blocklist, { ...options, exceptions: { ...options.exceptions, trackUris: [loyal.uri] } })],
    ['a playlist exception is added', () => fingerprintPlanInputs(snapshot, blocklist, { ...options, exceptions: { ...options.exceptions, playlistIds: [gym.id] } })],
  ]
  it.each(changes)('changes when %s', (_change, refingerprint) => {
    expect(refingerprint()).not.toBe(fingerprint)
  })

  it('tells exception kinds apart (the same id as an allowed artist or an allowed playlist)', () => {
    const asArtist = fingerprintPlanInputs(snapshot, blocklist, withPlanDefaults({ exceptions: { artistIds: ['x'] } }))
    const asPlaylist = fingerprintPlanInputs(snapshot, blocklist, withPlanDefaults({ exceptions: { playlistIds: ['x'] } }))
    expect(asArtist).not.toBe(asPlaylist)
  })
})
