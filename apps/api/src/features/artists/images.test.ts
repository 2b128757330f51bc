import { describe, expect, it } from 'vitest'
import { isShowablePicture, pickArtistPicture } from './images.ts'

describe('artist pictures from providers', () => {
  it('keeps the smallest picture at least 128 px wide, else the largest there is', () => {
    const spotify = [640, 320, 160].map((width) => ({ url: `https://i.scdn.co/image/${width}`, width, height: width }))
    expect(pickArtistPicture(spotify)).toBe('https://i.scdn.co/image/160')
    expect(pickArtistPicture([{ url: 'https://x.example/64', width: 64 }, { url: 'https://x.example/100', width: 100 }])).toBe('https://x.example/100')
    expect(pickArtistPicture([])).toBeNull()
    expect(pickArtistPicture(undefined)).toBeNull()
  })

  it('only keeps what the CSP lets an <img> load and cannot run script: https and data: images', () => {
    expect(isShowablePicture('https://i.scdn.co/image/ab67')).toBe(true)
    expect(isShowablePicture('data:image/svg+xml,%3Csvg%3E')).toBe(true)
    expect(isShowablePicture('http://i.scdn.co/image/ab67')).toBe(false)
    expect(isShowablePicture('javascript:alert(1)')).toBe(false)
    expect(isShowablePicture('data:text/html,<script>')).toBe(false)
    expect(isShowablePicture(`https://x.example/${'a'.repeat(2048)}`)).toBe(false)
    expect(pickArtistPicture([{ url: 'http://plain.example/a.jpg', width: 300 }])).toBeNull()
  })
})
