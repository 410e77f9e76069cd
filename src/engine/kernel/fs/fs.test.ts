import { describe, expect, it } from 'vitest'
import { FileSystem, FsError, resolvePath } from './fs'

describe('FileSystem', () => {
  it('resolves paths against a working directory', () => {
    expect(resolvePath('/root', '../etc/./hosts')).toBe('/etc/hosts')
    expect(resolvePath('/a/b', '/x//y/')).toBe('/x/y')
    expect(resolvePath('/', '..')).toBe('/')
  })

  it('creates, appends, lists and reports errno like the kernel', () => {
    const fs = new FileSystem()
    fs.mkdir('/mydata/redis/node-1/conf', { parents: true })
    fs.writeFile('/mydata/redis/node-1/conf/redis.conf', 'port 6379\n')
    fs.writeFile('/mydata/redis/node-1/conf/redis.conf', 'bind 0.0.0.0\n', { append: true })
    expect(fs.readFile('/mydata/redis/node-1/conf/redis.conf')).toBe('port 6379\nbind 0.0.0.0\n')
    expect(fs.readdir('/mydata/redis/node-1')).toEqual(['conf'])
    const errno = (f: () => unknown) => {
      try {
        f()
      } catch (e) {
        return e instanceof FsError ? `${e.code} ${e.message}` : 'other'
      }
      return 'none'
    }
    expect(errno(() => fs.readFile('/nosuch'))).toBe('ENOENT No such file or directory')
    expect(errno(() => fs.readFile('/mydata'))).toBe('EISDIR Is a directory')
    expect(errno(() => fs.mkdir('/mydata'))).toBe('EEXIST File exists')
    expect(errno(() => fs.rmdir('/mydata'))).toBe('ENOTEMPTY Directory not empty')
    expect(errno(() => fs.readdir('/mydata/redis/node-1/conf/redis.conf'))).toBe('ENOTDIR Not a directory')
    expect(fs.tryLookup('/mydata/nope/x')).toBeUndefined()
  })

  it('shares nodes between trees, as a bind mount shares an inode', () => {
    const host = new FileSystem()
    const container = new FileSystem()
    const data = host.mkdir('/mydata/redis/node-1/data', { parents: true })
    container.attach('/data', data)
    container.writeFile('/data/nodes.conf', 'myself\n')
    expect(host.readFile('/mydata/redis/node-1/data/nodes.conf')).toBe('myself\n')
    host.writeFile('/mydata/redis/node-1/data/appendonly.aof', '')
    expect(container.readdir('/data')).toEqual(['appendonly.aof', 'nodes.conf'])
  })

  it('follows symlinks, relative to the link, but not when asked not to', () => {
    const fs = new FileSystem()
    fs.mkdir('/usr/bin', { parents: true })
    fs.writeFile('/usr/bin/ping', '')
    fs.symlink('usr/bin', '/bin')
    expect(fs.lookup('/bin/ping').kind).toBe('file')
    expect(fs.lookup('/bin', true).kind).toBe('symlink')
    fs.symlink('/loop', '/loop')
    expect(() => fs.lookup('/loop')).toThrow('Too many levels of symbolic links')
  })
})
