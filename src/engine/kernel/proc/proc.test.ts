import { describe, expect, it } from 'vitest'
import { VirtualClock } from '../../sim/clock'
import { Prng } from '../../sim/random'
import { Kernel } from '../kernel'
import { FileSystem } from '../fs/fs'
import type { NetworkStack } from '../net/types'
import type { Sandbox } from './process'
import { Pipe, StringSink } from './streams'
import type { TtyId } from './tty'

const turn = () => new Promise<void>((r) => setImmediate(r))

function setup() {
  const clock = new VirtualClock()
  const kernel = new Kernel(clock, new Prng(1), {} as NetworkStack)
  const sandbox: Sandbox = { net: {} as NetworkStack['host'], fs: new FileSystem(), uts: { hostname: 'h' }, owner: 'host' }
  const screen: string[] = []
  const reading: boolean[] = []
  const tty = kernel.openTty('t' as TtyId, { output: (d) => screen.push(d), reading: (r) => reading.push(r) })
  const spawn = (main: Parameters<Kernel['spawn']>[1], io: Partial<{ stdin: Pipe['reader']; stdout: StringSink }> = {}) =>
    kernel.spawn({ argv: ['test'], env: {}, cwd: '/', sandbox, stdin: io.stdin ?? tty, stdout: io.stdout ?? tty, stderr: tty, tty }, main)
  return { clock, kernel, tty, screen, reading, spawn }
}

describe('terminal line discipline', () => {
  it('echoes, erases, hands over a line on Enter, and keeps type-ahead', async () => {
    const { tty, screen, spawn } = setup()
    tty.input('ab\x7fc\r') // typed before anyone reads: kept
    const lines: (string | null)[] = []
    spawn(async (p) => {
      lines.push(await p.read(), await p.read())
      return 0
    })
    await turn()
    tty.input('second\r')
    await turn()
    expect(lines).toEqual(['ac\n', 'second\n'])
    expect(screen.join('')).toBe('ab\b \bc\r\nsecond\r\n')
  })

  it('gives end of file on ^D at the start of a line and reports when a reader waits', async () => {
    const { tty, reading, spawn } = setup()
    let got: string | null | undefined
    spawn(async (p) => {
      got = await p.read()
      return 0
    })
    await turn()
    expect(reading).toEqual([true])
    tty.input('\x04')
    await turn()
    expect(got).toBeNull()
    expect(reading).toEqual([true, false])
  })

  it('sends ^C to the foreground process group only, echoing ^C', async () => {
    const { tty, screen, spawn, clock } = setup()
    const fg = spawn(async (p) => {
      await p.sleep(10_000)
      return 0
    })
    const bg = spawn(async (p) => {
      await p.sleep(10_000)
      return 0
    })
    tty.foregroundPgid = fg.pgid
    await turn()
    tty.input('\x03')
    expect(await fg.exited).toBe(130)
    expect(bg.running).toBe(true)
    expect(screen.join('')).toBe('^C')
    clock.advanceTo(10_000)
    expect(await bg.exited).toBe(0)
  })

  it('passes keys through in raw mode without echo', async () => {
    const { tty, screen, spawn } = setup()
    tty.setMode({ canonical: false, echo: false })
    let got: string | null = null
    spawn(async (p) => {
      got = await p.read()
      return 0
    })
    await turn()
    tty.input('\x1b[A')
    await turn()
    expect(got).toBe('\x1b[A')
    expect(screen).toEqual([])
  })
})

describe('processes and signals', () => {
  it('a handled SIGINT cuts a sleep short; an unhandled SIGTERM ends the process with 143', async () => {
    const { spawn, clock } = setup()
    const events: string[] = []
    const p = spawn(async (proc) => {
      proc.trap('SIGINT', () => events.push('handler'))
      events.push(`slept:${await proc.sleep(1000)}`)
      await proc.sleep(5000)
      return 0
    })
    await turn()
    p.signal('SIGINT')
    await turn()
    expect(events).toEqual(['handler', 'slept:false'])
    p.signal('SIGTERM')
    expect(await p.exited).toBe(143)
    clock.advanceTo(10_000)
  })

  it('a withdrawn read does not swallow input meant for the next reader', async () => {
    const { tty, spawn } = setup()
    const first = spawn(async (p) => (await p.read(), 0))
    tty.foregroundPgid = first.pgid
    await turn()
    first.signal('SIGKILL')
    expect(await first.exited).toBe(137)
    let got: string | null = null
    spawn(async (p) => ((got = await p.read()), 0))
    await turn()
    tty.input('hello\r')
    await turn()
    expect(got).toBe('hello\n')
  })

  it('a busy process that yields lets others run between slices', async () => {
    const { spawn, kernel } = setup()
    let spins = 0
    const busy = spawn(async (p) => {
      for (;;) {
        spins++
        await p.yield()
      }
    })
    await turn()
    for (let i = 0; i < 3; i++) {
      kernel.scheduler.runSlice()
      await turn()
    }
    expect(spins).toBe(4)
    busy.signal('SIGINT')
    kernel.scheduler.runSlice()
    expect(await busy.exited).toBe(130)
  })

  it('a program that throws exits 70 with a message instead of taking the engine down', async () => {
    const { spawn, screen } = setup()
    const p = spawn(async () => {
      throw new Error('boom')
    })
    expect(await p.exited).toBe(70)
    expect(screen.join('')).toContain('test: internal error: boom')
  })
})

describe('pipes', () => {
  it('stream chunks in order and end when the last writer closes', async () => {
    const { spawn } = setup()
    const pipe = new Pipe()
    pipe.addWriter()
    const out = new StringSink()
    const reader = spawn(async (p) => {
      p.out(await p.readAll(pipe.reader))
      return 0
    }, { stdout: out })
    pipe.writer.write('a')
    pipe.writer.close()
    await turn()
    expect(reader.running).toBe(true)
    pipe.writer.write('b')
    pipe.writer.close()
    expect(await reader.exited).toBe(0)
    expect(out.text()).toBe('ab')
  })
})
