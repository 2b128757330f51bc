import type { ActivityItem } from '@ndith/contracts'
import { describe, expect, it } from 'vitest'
import { activityDetail, activityLabel, activityLink } from './activity-format.ts'

const item = (action: string, extra: Partial<ActivityItem> = {}): ActivityItem => ({
  id: '1',
  action,
  subjectType: 'blocklist_entry',
  subjectId: 'e1',
  before: null,
  after: null,
  ip: '127.0.0.1',
  userAgent: null,
  createdAt: '2026-11-25T10:00:00.000Z',
  ...extra,
})

describe('activityLabel', () => {
  it('uses the contract’s wording', () => {
    expect(activityLabel('blocklist.entry_added')).toBe('Added an artist to the list')
  })

  it('reads an action it does not know yet', () => {
    expect(activityLabel('community_list.archived_forever')).toBe('Community list: archived forever')
  })
})

describe('activityDetail', () => {
  it('names the artist added', () => {
    expect(activityDetail(item('blocklist.entry_added', { after: { artistName: 'Drake', tags: [] } }))).toBe('Drake')
  })

  it('says what changed in an edit', () => {
    const edit = item('blocklist.entry_updated', {
      before: { artistName: 'Drake', tags: [], note: null },
      after: { artistName: 'Drake', tags: ['beef', 'rap'], note: 'why' },
    })

    expect(activityDetail(edit)).toBe('Drake · tags: beef, rap · note changed')
  })

  it('sums an import preview’s rows', () => {
    const previewed = item('blocklist.import_previewed', { after: { format: 'csv', summary: { will_add: 3, not_found: 1 } } })

    expect(activityDetail(previewed)).toBe('4 rows of CSV')
  })

  it('describes a published version and a pinned subscription', () => {
    expect(activityDetail(item('community_list.published', { subjectType: 'community_list', after: { version: 2, itemCount: 1 } }))).toBe(
      'version 2, 1 artist',
    )
    expect(
      activityDetail(item('subscription.created', { subjectType: 'community_list', after: { mode: 'pinned', pinnedVersion: 3, acceptedVersion: 3 } })),
    ).toBe('pinned to version 3')
  })

  it('names the community list the artist was added to, subscribed to or published', () => {
    const added = item('community_list.item_added', { subjectType: 'community_list', after: { listName: 'Not at the office', artistName: 'Drake' } })
    expect(activityDetail(added)).toBe('Drake · “Not at the office”')
    const published = item('community_list.published', { subjectType: 'community_list', after: { listName: 'Holiday overload', version: 1, itemCount: 4 } })
    expect(activityDetail(published)).toBe('“Holiday overload” · version 1, 4 artists')
    const unsubscribed = item('subscription.removed', { subjectType: 'community_list', before: { listName: 'Holiday overload', mode: 'auto' } })
    expect(activityDetail(unsubscribed)).toBe('“Holiday overload”')
  })

  it('says nothing when the row carries no specifics', () => {
    expect(activityDetail(item('auth.login', { subjectType: 'session' }))).toBeNull()
  })
})

describe('activityLink', () => {
  it('links community rows to the list, but not after unsubscribing', () => {
    expect(activityLink(item('community_list.created', { subjectType: 'community_list', subjectId: 'l1' }))).toEqual({ href: '/community/l1', label: 'View list' })
    expect(activityLink(item('subscription.removed', { subjectType: 'community_list', subjectId: 'l1' }))).toBeNull()
  })
})
