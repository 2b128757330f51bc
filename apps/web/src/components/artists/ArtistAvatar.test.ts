import { fireEvent, render, screen } from '@testing-library/svelte'
import { describe, expect, it } from 'vitest'
import ArtistAvatar from './ArtistAvatar.svelte'

describe('ArtistAvatar', () => {
  it('shows the provider picture lazily, at a fixed size, as decoration beside the written name', () => {
    render(ArtistAvatar, { name: 'Drake', imageUrl: 'https://i.scdn.co/image/drake', seed: 'a1', size: 'md' })
    const picture = screen.getByTestId('artist-picture')
    expect(picture).toHaveAttribute('src', 'https://i.scdn.co/image/drake')
    expect(picture).toHaveAttribute('loading', 'lazy')
    expect(picture).toHaveAttribute('alt', '')
    expect(picture).toHaveAttribute('width', '48')
    expect(picture).toHaveAttribute('height', '48')
  })

  it('falls back to the generated avatar when the picture fails to load', async () => {
    render(ArtistAvatar, { name: 'Drake', imageUrl: 'https://i.scdn.co/image/gone', seed: 'a1' })
    await fireEvent.error(screen.getByTestId('artist-picture'))
    expect(screen.queryByTestId('artist-picture')).not.toBeInTheDocument()
    expect(screen.getByTestId('artist-avatar')).toHaveTextContent('DR')
  })

  it('draws different avatars for James Taylor and Taylor Swift, each with its own gradient', () => {
    const { container } = render(ArtistAvatar, { name: 'James Taylor', imageUrl: null, seed: 'id-james' })
    render(ArtistAvatar, { name: 'Taylor Swift', imageUrl: null, seed: 'id-taylor' })
    const [james, taylor] = screen.getAllByTestId('artist-avatar')
    expect(james).toHaveTextContent('JT')
    expect(taylor).toHaveTextContent('TS')
    const stops = (svg: Element) => [...svg.querySelectorAll('stop')].map((s) => s.getAttribute('stop-color'))
    expect(stops(james!)).not.toEqual(stops(taylor!))
    const ids = [...document.querySelectorAll('linearGradient')].map((g) => g.id)
    expect(new Set(ids).size).toBe(2)
    expect(container.querySelector('rect')?.getAttribute('fill')).toBe(`url(#${james!.querySelector('linearGradient')!.id})`)
  })
})
