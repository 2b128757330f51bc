import { describe, expect, it } from 'vitest'
import {
  adele,
  blocked,
  blocklistOf,
  chris,
  collaborativePlaylist,
  communityList,
  deepFreeze,
  followedArtist,
  followedPlaylist,
  inPlaylist,
  kelly,
  lizzo,
  ownedPlaylist,
  personal,
  savedAlbum,
  savedTrack,
  snapshotOf,
  tekashi,
} from './planner-fixtures.ts'
import { DEFAULT_PLAN_OPTIONS, toEffectiveBlocklist, withPlanDefaults, type PartialPlanOptions } from './planner-options.ts'
import { planEnforcement } from './planner.ts'
import type { LibraryItem, LibraryPlaylist, PlanCategory } from './planner-types.ts'

const documentedAbuse = communityList('Documented abuse', 2)
const listed = blocklistOf(blocked(chris, personal), blocked(kelly, documentedAbuse), blocked(tekashi, personal, documentedAbuse))

const plan = (items: LibraryItem[], playlists: LibraryPlaylist[] = [], options: PartialPlanOptions = {}) =>
  planEnforcement(snapshotOf(items, playlists), listed, withPlanDefaults(options))

const gym = ownedPlaylist('pl-gym', 'Gym')
const radio = followedPlaylist('pl-radio', "Today's Top Hits")
const party = collaborativePlaylist('pl-party', 'Party (shared)')

const loyal = savedTrack('loyal', 'Loyal', [chris])
const ignition = savedTrack('ignition', 'Ignition', [kelly])
const hello = savedTrack('hello', 'Hello', [adele])
const feature = savedTrack('feat', 'Duet', [adele], [kelly])

describe('each category of the library becomes its own kind of action', () => {
  it('a saved track by a listed artist becomes remove_saved_track', () => {
    expect(plan([loyal]).actions).toEqual([
      {
        kind: 'remove_saved_track',
        uri: 'spotify:track:loyal',
        name: 'Loyal',
        matches: [{ artistId: chris.artistId, name: 'Chris Brown', role: 'primary', sources: [personal] }],
        reason: 'Track by Chris Brown (on your personal list)',
      },
    ])
  })

  it('a saved album by a listed artist becomes remove_saved_album', () => {
    const [action] = plan([savedAlbum('fame', 'F.A.M.E.', [chris])]).actions
    expect(action).toMatchObject({ kind: 'remove_saved_album', uri: 'spotify:album:fame', reason: 'Album by Chris Brown (on your personal list)' })
  })

  it('a followed listed artist becomes unfollow_artist', () => {
    const [action] = plan([followedArtist('cb', chris)]).actions
    expect(action).toMatchObject({ kind: 'unfollow_artist', uri: 'spotify:artist:cb', reason: 'You follow Chris Brown (on your personal list)' })
  })

  it('a track by a listed artist in an owned playlist becomes remove_playlist_item with the playlist and its position', () => {
    const [action] = plan([inPlaylist(gym.id, 4, loyal)], [gym]).actions
    expect(action).toMatchObject({ kind: 'remove_playlist_item', uri: loyal.uri, playlistId: gym.id, positions: [4] })
  })

  it('items without a listed artist are neither actions nor skipped', () => {
    const result = plan([hello, savedAlbum('25', '25', [adele]), followedArtist('ad', adele), inPlaylist(gym.id, 0, hello)], [gym])
    expect(result.actions).toEqual([])
    expect(result.skipped).toEqual([])
  })
})

describe('primary and featured appearances', () => {
  it('with featured appearances off (the default), a featured-only appearance is skipped with the reason', () => {
    const result = plan([feature])
    expect(result.actions).toEqual([])
    expect(result.skipped).toEqual([
      {
        kind: 'saved_track',
        uri: feature.uri,
        name: 'Duet',
        matches: [{ artistId: kelly.artistId, name: 'R. Kelly', role: 'featured', sources: [documentedAbuse] }],
        code: 'featured_only',
        reason: 'Only a featured appearance of R. Kelly (from “Documented abuse” v2); featured appearances are off',
      },
    ])
  })

  it('with includeFeatured on, a featured-only appearance is an action whose match says featured', () => {
    const [action] = plan([feature], [], { includeFeatured: true }).actions
    expect(action?.matches).toEqual([{ artistId: kelly.artistId, name: 'R. Kelly', role: 'featured', sources: [documentedAbuse] }])
    expect(action?.reason).toBe('Features R. Kelly (from “Documented abuse” v2)')
  })

  it('a track by one listed artist featuring another names only the primary when featured is off, and both when on', () => {
    const both = savedTrack('both', 'Both', [chris], [kelly])
    expect(plan([both]).actions[0]?.matches.map((m) => m.role)).toEqual(['primary'])
    expect(plan([both]).actions[0]?.reason).toBe('Track by Chris Brown (on your personal list)')
    const withFeatured = plan([both], [], { includeFeatured: true }).actions[0]
    expect(withFeatured?.matches.map((m) => [m.name, m.role])).toEqual([
      ['Chris Brown', 'primary'],
      ['R. Kelly', 'featured'],
    ])
    expect(withFeatured?.reason).toBe('Track by Chris Brown (on your personal list); features R. Kelly (from “Documented abuse” v2)')
  })

  it('an artist credited as both primary and featured on one item counts once, as primary', () => {
    const odd: LibraryItem = { ...loyal, artists: [{ ...chris, role: 'featured' }, { ...chris, role: 'primary' }] }
    expect(plan([odd]).actions[0]?.matches).toEqual([{ artistId: chris.artistId, name: 'Chris Brown', role: 'primary', sources: [personal] }])
  })
})

describe('per-category toggles', () => {
  const everything = [loyal, savedAlbum('fame', 'F.A.M.E.', [chris]), followedArtist('cb', chris), inPlaylist(gym.id, 0, ignition)]
  const cases: [PlanCategory, string, string][] = [
    ['savedTracks', 'saved_track', 'Saved tracks are turned off for this plan'],
    ['savedAlbums', 'saved_album', 'Saved albums are turned off for this plan'],
    ['followedArtists', 'followed_artist', 'Followed artists are turned off for this plan'],
    ['playlistItems', 'playlist_item', 'Playlist items are turned off for this plan'],
  ]
  it.each(cases)('turning %s off skips only that category, with the reason', (category, kind, reason) => {
    const result = plan(everything, [gym], { categories: { [category]: false } })
    expect(result.actions).toHaveLength(3)
    expect(result.skipped).toEqual([expect.objectContaining({ kind, code: 'category_off', reason })])
  })
})

describe('exceptions the listener keeps', () => {
  it('an allowed artist is never acted on; its items are skipped with "You allowed …"', () => {
    const result = plan([loyal, followedArtist('cb', chris)], [], { exceptions: { artistIds: [chris.artistId] } })
    expect(result.actions).toEqual([])
    expect(result.skipped.map((s) => [s.code, s.reason])).toEqual([
      ['allowed_artist', 'You allowed Chris Brown'],
      ['allowed_artist', 'You allowed Chris Brown'],
    ])
  })

  it('allowing one artist does not shield an item that also has another listed artist', () => {
    const duet = savedTrack('duet', 'Duet', [chris, tekashi])
    const [action] = plan([duet], [], { exceptions: { artistIds: [chris.artistId] } }).actions
    expect(action?.matches.map((m) => m.name)).toEqual(['6ix9ine'])
  })

  it('an allowed track is skipped in the saved tracks and in every playlist', () => {
    const result = plan([loyal, inPlaylist(gym.id, 0, loyal), ignition], [gym], { exceptions: { trackUris: [loyal.uri] } })
    expect(result.actions.map((a) => a.uri)).toEqual([ignition.uri])
    expect(result.skipped.map((s) => [s.kind, s.code, s.reason])).toEqual([
      ['saved_track', 'allowed_track', 'You allowed this track'],
      ['playlist_item', 'allowed_track', 'You allowed this track'],
    ])
  })

  it('an allowed playlist keeps its items, while the same track elsewhere is still removed', () => {
    const workout = ownedPlaylist('pl-work', 'Workout')
    const result = plan([inPlaylist(gym.id, 0, loyal), inPlaylist(workout.id, 0, loyal)], [gym, workout], { exceptions: { playlistIds: [gym.id] } })
    expect(result.actions.map((a) => a.playlistId)).toEqual([workout.id])
    expect(result.skipped).toEqual([expect.objectContaining({ playlistId: gym.id, code: 'allowed_playlist', reason: 'You allowed the playlist “Gym”' })])
  })
})

describe('playlists', () => {
  it("items of a playlist the user follows but doesn't own are skipped with the reason, even with every option on", () => {
    const result = plan([inPlaylist(radio.id, 7, loyal), inPlaylist(radio.id, 9, feature)], [radio], { includeFeatured: true })
    expect(result.actions).toEqual([])
    expect(result.skipped).toHaveLength(2)
    for (const item of result.skipped) {
      expect(item).toMatchObject({ playlistId: radio.id, code: 'playlist_not_editable', reason: "You follow this playlist but don't own it; Spotify doesn't let apps change it" })
    }
  })

  it('items of a collaborative playlist the user does not own are acted on', () => {
    expect(plan([inPlaylist(party.id, 2, loyal)], [party]).actions).toEqual([expect.objectContaining({ kind: 'remove_playlist_item', playlistId: party.id, positions: [2] })])
  })

  it('items of a playlist missing from the snapshot are never acted on', () => {
    const result = plan([inPlaylist('pl-unknown', 0, loyal)], [])
    expect(result.actions).toEqual([])
    expect(result.skipped[0]).toMatchObject({ code: 'playlist_not_editable', reason: "This playlist wasn't part of the library scan, so it is left alone" })
  })

  it('repeats of a track in one playlist are one action with every position; the same track in two playlists is two', () => {
    const workout = ownedPlaylist('pl-work', 'Workout')
    const items = [inPlaylist(gym.id, 12, loyal), inPlaylist(gym.id, 3, loyal), inPlaylist(workout.id, 5, loyal), inPlaylist(gym.id, 8, loyal)]
    const result = plan(items, [gym, workout])
    expect(result.actions.map((a) => [a.playlistId, a.positions])).toEqual([
      [gym.id, [3, 8, 12]],
      [workout.id, [5]],
    ])
    expect(result.summary.byCategory.playlistItems).toBe(2)
  })
})

describe('reasons name where each artist comes from', () => {
  it('a personal entry reads "on your personal list"', () => {
    expect(plan([loyal]).actions[0]?.reason).toBe('Track by Chris Brown (on your personal list)')
  })

  it('a community entry names the list and the version', () => {
    expect(plan([ignition]).actions[0]?.reason).toBe('Track by R. Kelly (from “Documented abuse” v2)')
  })

  it('an artist on the personal list and a community list shows both, in the match and in the words', () => {
    const [action] = plan([savedTrack('gummo', 'Gummo', [tekashi])]).actions
    expect(action?.matches[0]?.sources).toEqual([personal, documentedAbuse])
    expect(action?.reason).toBe('Track by 6ix9ine (on your personal list and from “Documented abuse” v2)')
  })

  it('several listed artists and several lists are joined in plain words', () => {
    const lists = blocklistOf(blocked(chris, communityList('Labels', 1), communityList('Producers', 3)), blocked(kelly, personal), blocked(tekashi, personal))
    const trio = savedTrack('trio', 'Trio', [chris, kelly, tekashi])
    const [action] = planEnforcement(snapshotOf([trio]), lists, DEFAULT_PLAN_OPTIONS).actions
    expect(action?.reason).toBe('Track by Chris Brown (from “Labels” v1 and “Producers” v3), R. Kelly (on your personal list) and 6ix9ine (on your personal list)')
  })
})

describe('order and summary', () => {
  const workout = ownedPlaylist('pl-work', 'Workout')
  const aerobics = ownedPlaylist('pl-aero', 'aerobics')
  const library = [
    inPlaylist(workout.id, 1, ignition),
    followedArtist('rk', kelly),
    inPlaylist(aerobics.id, 9, loyal),
    savedTrack('zz', 'Zebra', [chris]),
    inPlaylist(aerobics.id, 2, ignition),
    savedAlbum('fame', 'F.A.M.E.', [chris]),
    savedTrack('aa', 'apple', [kelly]),
    inPlaylist(radio.id, 0, loyal),
    feature,
  ]

  it('actions come by category, then playlist name, then position (library items by name), whatever the input order', () => {
    const expected = [
      ['remove_saved_track', undefined, 'apple'],
      ['remove_saved_track', undefined, 'Zebra'],
      ['remove_saved_album', undefined, 'F.A.M.E.'],
      ['unfollow_artist', undefined, 'R. Kelly'],
      ['remove_playlist_item', aerobics.id, 'Ignition'],
      ['remove_playlist_item', aerobics.id, 'Loyal'],
      ['remove_playlist_item', workout.id, 'Ignition'],
    ]
    const shown = (items: LibraryItem[], playlists: LibraryPlaylist[]) => plan(items, playlists).actions.map((a) => [a.kind, a.playlistId, a.name])
    expect(shown(library, [workout, aerobics, radio])).toEqual(expected)
    expect(shown([...library].reverse(), [radio, aerobics, workout])).toEqual(expected)
  })

  it('the summary counts actions per category and per artist (most first), and skipped items per reason', () => {
    const { summary } = plan(library, [workout, aerobics, radio])
    expect(summary.actions).toBe(7)
    expect(summary.byCategory).toEqual({ savedTracks: 2, savedAlbums: 1, followedArtists: 1, playlistItems: 3 })
    expect(summary.byArtist).toEqual([
      { artistId: kelly.artistId, name: 'R. Kelly', count: 4 },
      { artistId: chris.artistId, name: 'Chris Brown', count: 3 },
    ])
    expect(summary.skipped).toEqual({
      total: 2,
      byReason: { playlist_not_editable: 1, category_off: 0, allowed_playlist: 0, allowed_track: 0, allowed_artist: 0, featured_only: 1 },
    })
  })

  it('the same inputs give the same plan, and the planner does not change its inputs', () => {
    const snapshot = deepFreeze(snapshotOf(library, [workout, aerobics, radio]))
    const options = deepFreeze(withPlanDefaults({ includeFeatured: true, exceptions: { artistIds: [lizzo.artistId] } }))
    const first = planEnforcement(snapshot, deepFreeze(listed), options)
    expect(planEnforcement(snapshot, listed, options)).toEqual(first)
  })
})

describe('options and inputs', () => {
  it('the defaults act on every category, leave featured appearances off and allow nothing', () => {
    expect(withPlanDefaults()).toEqual({
      includeFeatured: false,
      categories: { savedTracks: true, savedAlbums: true, followedArtists: true, playlistItems: true },
      exceptions: { artistIds: [], trackUris: [], playlistIds: [] },
    })
    expect(withPlanDefaults({ categories: { savedAlbums: false, savedTracks: undefined } }).categories).toEqual({
      savedTracks: true,
      savedAlbums: false,
      followedArtists: true,
      playlistItems: true,
    })
  })

  it("accepts the API's effective blocklist entries through toEffectiveBlocklist", () => {
    const entries = [{ artist: { id: chris.artistId, name: 'Chris Brown', aliases: [], imageUrl: null, genres: [], externalIds: {} }, sources: [personal] }]
    expect(toEffectiveBlocklist(entries)).toEqual({ entries: [{ artistId: chris.artistId, name: 'Chris Brown', sources: [personal] }] })
  })

  it('an artist listed twice keeps the sources of both entries', () => {
    const twice = blocklistOf(blocked(chris, personal), blocked(chris, documentedAbuse))
    const [action] = planEnforcement(snapshotOf([loyal]), twice, DEFAULT_PLAN_OPTIONS).actions
    expect(action?.matches[0]?.sources).toEqual([personal, documentedAbuse])
  })
})
