import { describe, expect, it } from 'vitest'
import { FileSystem } from '../kernel/fs/fs'
import type { Sandbox } from '../kernel/proc/process'
import type { NetworkStack } from '../kernel/net/types'
import { findExecutable } from './runtime'

describe('findExecutable (execvp)', () => {
  const fs = new FileSystem()
  fs.mkdir('/usr/bin', { parents: true })
  fs.mkdir('/usr/local/tomcat/bin', { parents: true })
  fs.attach('/usr/bin/ping', fs.newFile('', 0o755, 'ping'))
  fs.attach('/usr/local/tomcat/bin/catalina.sh', fs.newFile('', 0o755, 'catalina.sh'))
  fs.attach('/usr/bin/notes.txt', fs.newFile('hello', 0o644))
  fs.symlink('usr/bin', '/bin')
  const sandbox: Sandbox = { net: {} as NetworkStack['host'], fs, uts: { hostname: 'h' }, owner: 'host' }
  const PATH = '/usr/local/bin:/usr/bin:/bin'

  it('searches PATH in order for a bare name', () => {
    expect(findExecutable(sandbox, '/', 'ping', PATH)).toEqual({ program: 'ping', path: '/usr/bin/ping' })
    expect(findExecutable(sandbox, '/', 'catalina.sh', PATH)).toEqual({ error: 'not-found', path: 'catalina.sh' })
  })

  it('takes a name with a slash as a path, relative to the working directory', () => {
    expect(findExecutable(sandbox, '/usr/local/tomcat', 'bin/catalina.sh', PATH)).toEqual({ program: 'catalina.sh', path: '/usr/local/tomcat/bin/catalina.sh' })
    expect(findExecutable(sandbox, '/', '/usr/bin/notes.txt', PATH)).toEqual({ error: 'not-executable', path: '/usr/bin/notes.txt' })
    expect(findExecutable(sandbox, '/', '/usr/bin', PATH)).toEqual({ error: 'is-directory', path: '/usr/bin' })
  })
})
