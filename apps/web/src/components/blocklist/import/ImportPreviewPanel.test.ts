import type { ImportPreview, ImportRow } from '@ndith/contracts'
import { screen } from '@testing-library/svelte'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '../../../lib/api/errors.ts'
import { artist, fakeApis, renderWithApis } from '../../../test/fake-apis.ts'
import ImportPreviewPanel from './ImportPreviewPanel.svelte'

const drake = artist('Drake')
const future = artist('Future')
const islands = artist('Future Islands')
const row = (index: number, status: ImportRow['status'], extra: Partial<ImportRow>): ImportRow => ({
  index,
  input: { name: null, url: null, tags: [], note: null },
  status,
  artist: null,
  candidates: [],
  message: null,
  ...extra,
})
const preview: ImportPreview = {
  id: '5b7e8d6c-0000-4000-8000-000000000001',
  format: 'csv',
  status: 'previewed',
  createdAt: '2026-11-25T10:00:00.000Z',
  summary: {},
  rows: [
    row(1, 'will_add', { input: { name: 'Drake', url: null, tags: ['rap'], note: null }, artist: drake }),
    row(2, 'ambiguous', { input: { name: 'Futur', url: null, tags: [], note: null }, candidates: [future, islands], message: 'No exact match; choose the right artist' }),
    row(3, 'not_found', { input: { name: 'Nobody', url: null, tags: [], note: null }, message: 'No artist with this name in the catalog' }),
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
