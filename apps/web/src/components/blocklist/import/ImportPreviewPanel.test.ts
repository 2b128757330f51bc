import type { ImportPreview, ImportRow } from '@ndith/contracts'
import { screen } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '../../../lib/api/errors.ts'
import { artist, fakeApis, renderWithApis } from '../../../test/fake-apis.ts'
import ImportPreviewPanel from './ImportPreviewPanel.svelte'

const drake = artist('Drake')
const future = { ...artist('Future'), onList: false }
const islands = { ...artist('Future Islands'), onList: false }
const listedFuture = { ...artist('Future Wave'), onList: true }
const row = (index: number, status: ImportRow['status'], extra: Partial<ImportRow>): ImportRow => ({
  index,
  input: { name: null, url: null, tags: [], note: null },
  status,
  artist: null,
  candidates: [],
  message: null,
  duplicateOf: null,
  combinedRows: [],
  ...extra,
})
const preview: ImportPreview = {
  id: '5b7e8d6c-0000-4000-8000-000000000001',
  format: 'csv',
  status: 'previewed',
  createdAt: '2026-11-25T10:00:00.000Z',
  summary: {},
  rows: [
    row(1, 'will_add', {
      input: { name: 'Drake', url: null, tags: ['rap', 'beef'], note: null },
      artist: drake,
      combinedRows: [4],
      message: '2 rows for Drake combined (rows 1, 4)',
    }),
    row(2, 'ambiguous', { input: { name: 'Futur', url: null, tags: [], note: null }, candidates: [future, islands, listedFuture], message: 'No exact match; choose the right artist' }),
    row(3, 'not_found', { input: { name: 'Nobody', url: null, tags: [], note: null }, message: 'No artist with this name in the catalog' }),
    row(4, 'duplicate', { input: { name: 'drake', url: null, tags: ['beef'], note: null }, artist: drake, duplicateOf: 1, message: 'Combined with row 1 (Drake)' }),
  ],
}

function setup(confirmImport = vi.fn(async () => ({ added: 2, alreadyListed: 0 }))) {
  const ondone = vi.fn()
  renderWithApis(ImportPreviewPanel, { preview, ondone, onrestart: vi.fn() }, fakeApis({ blocklist: { confirmImport } }))
  return { confirmImport, ondone, user: userEvent.setup({ delay: null }) }
}

describe('ImportPreviewPanel', () => {
  it('imports the will-add rows and the ambiguous row once the user picks its artist', async () => {
    const { user, confirmImport, ondone } = setup()
    expect(screen.getByText(/1 row needs a choice/)).toBeInTheDocument()

    await user.click(screen.getByRole('radio', { name: /Future Islands/ }))
    await user.click(screen.getByRole('button', { name: 'Import 2 artists' }))

    expect(confirmImport).toHaveBeenCalledWith(preview.id, {
      rows: [
        { index: 1, artistId: drake.id },
        { index: 2, artistId: islands.id },
      ],
    })
    expect(ondone).toHaveBeenCalledWith({ added: 2, alreadyListed: 0 })
  })

  it('says which rows were combined, and counts the artist once', async () => {
    setup()

    expect(screen.getByText('2 rows for Drake combined (rows 1, 4)')).toBeInTheDocument()
    expect(screen.getByText(/1 repeated row was combined with its first row/)).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Import 1 artist' })).toBeEnabled()
    expect(screen.getByRole('button', { name: /Combined with another row/ })).toHaveTextContent('1')
  })

  it('marks a candidate already on the list and does not let it be picked', async () => {
    setup()

    const listed = screen.getByRole('radio', { name: /Future Wave/ })
    expect(listed).toBeDisabled()
    expect(listed.closest('label')).toHaveTextContent('Already on your list')
    expect(screen.getByRole('radio', { name: /Future Islands/ })).toBeEnabled()
  })

  it('leaves out a will-add row the user unticks, and cannot import nothing', async () => {
    const { user } = setup()

    await user.click(screen.getByRole('checkbox', { name: 'Import Drake (row 1)' }))

    expect(screen.getByRole('button', { name: 'Import 0 artists' })).toBeDisabled()
  })

  it('filters the rows by status', async () => {
    const { user } = setup()

    await user.click(screen.getByRole('button', { name: /Not found/ }))

    expect(screen.getAllByTestId('import-row')).toHaveLength(1)
    expect(screen.getByText('No artist with this name in the catalog')).toBeInTheDocument()
  })

  it('shows why the API refused the confirmation', async () => {
    const refuse = vi.fn(async () => {
      throw new ApiError(409, 'CONFLICT', 'This import was already confirmed')
    })
    const { user } = setup(refuse)

    await user.click(screen.getByRole('button', { name: 'Import 1 artist' }))

    expect(await screen.findByRole('alert')).toHaveTextContent('This import was already confirmed')
  })
})
