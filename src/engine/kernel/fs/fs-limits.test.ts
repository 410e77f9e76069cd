import { describe, expect, it } from 'vitest'
import { FileSystem, FsError, FS_CAPACITY, MAX_FILE_SIZE } from './fs'

const enospc = (f: () => unknown): FsError => {
  try {
    f()
  } catch (e) {
    if (e instanceof FsError) return e
    throw e
  }
  throw new Error('no error')
}

describe('file size limits (ENOSPC)', () => {
  it('has named limits far above the tutorial', () => {
    expect(MAX_FILE_SIZE).toBe(64 * 1024 * 1024)
    expect(FS_CAPACITY).toBeGreaterThanOrEqual(MAX_FILE_SIZE)
  })

  it('a file grows to its limit: the write stores what fits and fails with ENOSPC', () => {
    const fs = new FileSystem()
    fs.maxFileSize = 10
    fs.writeFile('/f', '123456')
    const e = enospc(() => fs.writeFile('/f', 'abcdef', { append: true }))
    expect(e.code).toBe('ENOSPC')
    expect(e.message).toBe('No space left on device')
    expect(fs.readFile('/f')).toBe('123456abcd')
    expect(enospc(() => fs.writeFile('/f', 'x', { append: true })).code).toBe('ENOSPC')
    // Truncation makes room again.
    fs.writeFile('/f', 'new')
    expect(fs.readFile('/f')).toBe('new')
  })

  it('the filesystem has a total budget; unlink and rm -r give it back', () => {
    const fs = new FileSystem()
    fs.capacity = 20
    fs.mkdir('/d')
    fs.writeFile('/d/a', '0123456789')
    fs.writeFile('/b', '01234567')
    expect(fs.used).toBe(18)
    expect(enospc(() => fs.writeFile('/c', 'abcd')).code).toBe('ENOSPC')
    expect(fs.readFile('/c')).toBe('ab')
    fs.unlink('/c')
    fs.rmdir('/d', true)
    expect(fs.used).toBe(8)
    fs.writeFile('/c', 'abcdefghij')
    expect(fs.used).toBe(18)
  })
})
