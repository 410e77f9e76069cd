import { describe, expect, it } from 'vitest'
import type { ContainerSummary } from '../../../docker/api'
import { loadCapture } from '../../../../testing/docker-golden'
import { parseFlags, FlagError } from '../flags'
import { COMMANDS, argsError, flagUsages } from '../commands'
import { displayablePorts } from './ports'
import { formatPs, ellipsis, goQuote } from './ps'
import { progressString } from './progress'
import { table, tabwrite } from './tabwriter'
import { formatG, humanDuration, humanSize, humanSizeWithPrecision } from './units'

const S = 1000
const M = 60 * S
const H = 60 * M
const D = 24 * H

describe('time words (fact 13, go-units duration_test.go)', () => {
  it.each([
    [0, 'Less than a second'],
    [999, 'Less than a second'],
    [1 * S, '1 second'],
    [59 * S, '59 seconds'],
    [60 * S, 'About a minute'],
    [119 * S, 'About a minute'],
    [2 * M, '2 minutes'],
    [59 * M, '59 minutes'],
    [60 * M, 'About an hour'],
    [89 * M, 'About an hour'],
    [90 * M, '2 hours'], // hours round
    [47 * H, '47 hours'],
    [48 * H, '2 days'],
    [13 * D, '13 days'],
    [14 * D, '2 weeks'],
    [59 * D, '8 weeks'],
    [60 * D, '2 months'],
    [729 * D, '24 months'],
    [730 * D, '2 years'],
  ])('%d ms → %s', (ms, words) => expect(humanDuration(ms)).toBe(words))
})

describe('sizes (go-units HumanSize, %g)', () => {
  it('prints like Go', () => {
    expect(humanSizeWithPrecision(7_731_000, 3)).toBe('7.73MB')
    expect(humanSizeWithPrecision(667_921_843, 3)).toBe('668MB')
    expect(humanSizeWithPrecision(5_595_292, 3)).toBe('5.6MB')
    expect(humanSize(36_450)).toBe('36.45kB')
    expect(humanSize(3_606_000)).toBe('3.606MB')
    expect(humanSize(109)).toBe('109B')
    expect(humanSize(3_080_000)).toBe('3.08MB')
    expect(formatG(999.9, 3)).toBe('1e+03')
  })
})

describe('tabwriter (fact 11)', () => {
  it('pads every column but the last to max(10, widest + 3)', () => {
    expect(table([['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES']])).toBe(loadCapture('225-ps-a-empty.txt').output)
    expect(table([['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE']])).toBe(loadCapture('224-images-empty.txt').output)
  })
  it('aligns columns per block of lines that have them, as Go does', () => {
    expect(tabwrite('a\tb\tc\nlonger\tx\n\nq\tr\n', 1, 1)).toBe('a      b c\nlonger x\n\nq r\n')
  })
})

describe('PORTS column (fact 10, DisplayablePorts)', () => {
  const bind = (IP: string, PublicPort: number, PrivatePort: number) => ({ IP, PublicPort, PrivatePort, Type: 'tcp' as const })
  it('prints -P bindings on 0.0.0.0 and ::', () => {
    expect(displayablePorts([bind('::', 49153, 8080), bind('0.0.0.0', 49153, 8080)])).toBe('0.0.0.0:49153->8080/tcp, :::49153->8080/tcp')
  })
  it('sorts by container port, then IP; exposed-only ports print bare', () => {
    const ports = [bind('::', 16371, 16379), bind('0.0.0.0', 16371, 16379), bind('::', 6371, 6379), bind('0.0.0.0', 6371, 6379)]
    expect(displayablePorts(ports)).toBe('0.0.0.0:6371->6379/tcp, :::6371->6379/tcp, 0.0.0.0:16371->16379/tcp, :::16371->16379/tcp')
    expect(displayablePorts([{ PrivatePort: 8080, Type: 'tcp' }])).toBe('8080/tcp')
  })
  it('merges same-port bindings into ranges, listed first', () => {
    const ports = [bind('0.0.0.0', 7000, 7000), bind('0.0.0.0', 7001, 7001), bind('0.0.0.0', 7002, 7002), bind('0.0.0.0', 49153, 80)]
    expect(displayablePorts(ports)).toBe('0.0.0.0:7000-7002->7000-7002/tcp, 0.0.0.0:49153->80/tcp')
  })
})

describe('ps table (facts 11–13)', () => {
  const now = 1_000_000_000
  const c = (over: Partial<ContainerSummary>): ContainerSummary => ({
    Id: '91508fd661ace44b8ba0b6cdee1051f070e0f4b2703fdb95f3e1af361fc5c72a',
    Names: ['/tomcat01'],
    Image: 'tomcat',
    ImageID: 'sha256:e2f503ac6e5d76e99bdd613005006560247f9b01216d9f1f9e98a287c90c4505',
    Command: 'catalina.sh run',
    Created: now - 3_900, // the API has Unix seconds: 4 seconds ago
    Ports: [
      { IP: '0.0.0.0', PrivatePort: 8080, PublicPort: 32768, Type: 'tcp' },
      { IP: '::', PrivatePort: 8080, PublicPort: 32768, Type: 'tcp' },
    ],
    State: 'running',
    ExitCode: 0,
    StartedAt: now - 3_500,
    ...over,
  })
  it('reproduces capture 016 from the same data', () => {
    expect(formatPs([c({})], now, { quiet: false, trunc: true })).toBe(loadCapture('016-ps-one.txt').output)
  })
  it('quotes and cuts COMMAND to 20 runes', () => {
    expect(goQuote(ellipsis('docker-entrypoint.sh redis-server', 20))).toBe('"docker-entrypoint.s…"')
    expect(goQuote(ellipsis("sh -c 'echo hello; sleep 1'", 20))).toBe('"sh -c \'echo hello; …"')
  })
  it('words Created and Exited states, newest first as given', () => {
    const out = formatPs([c({ State: 'created', Ports: [], Names: ['/tomcat-ip4'] }), c({ State: 'exited', ExitCode: 143, FinishedAt: now - 65_000, Ports: [] })], now, { quiet: false, trunc: true })
    expect(out.split('\n')[1]).toContain('   Created   ')
    expect(out.split('\n')[2]).toContain('Exited (143) About a minute ago')
  })
})

describe('pull progress (jsonmessage)', () => {
  it('shows numbers only up to 110 columns, a bar beyond', () => {
    expect(progressString({ current: 36_450, total: 3_606_000 }, 80)).toBe(' 36.45kB/3.606MB')
    expect(progressString({ current: 1_803_000, total: 3_606_000 }, 200)).toBe(`[${'='.repeat(25)}>${' '.repeat(25)}]  1.803MB/3.606MB`)
    expect(progressString({}, 200)).toBe('')
  })
})

describe('flags (pflag)', () => {
  const run = COMMANDS.run!
  it('combines shorthands, stops at the image, takes --name=x and --name x', () => {
    const f = parseFlags(['-dP', '--name=tomcat01', '-p', '8080:80', 'tomcat', 'ip', '-a'], run.flags, false)
    expect([...f.bools].sort()).toEqual(['detach', 'publish-all'])
    expect(f.values.get('name')).toEqual(['tomcat01'])
    expect(f.values.get('publish')).toEqual(['8080:80'])
    expect(f.args).toEqual(['tomcat', 'ip', '-a'])
    expect(parseFlags(['-it', '--name', 'x', 'img'], run.flags, false).bools).toEqual(new Set(['interactive', 'tty']))
  })
  it("reports pflag's errors", () => {
    expect(() => parseFlags(['--foo', 'tomcat'], run.flags, false)).toThrow(new FlagError('unknown flag: --foo'))
    expect(() => parseFlags(['-x'], run.flags, false)).toThrow("unknown shorthand flag: 'x' in -x")
    expect(() => parseFlags(['--name'], run.flags, false)).toThrow('flag needs an argument: --name')
  })
  it('words usage errors as cli.RequiresMinArgs (fact 22)', () => {
    expect(argsError(COMMANDS.rm!, 0)! + '\n').toBe(loadCapture('005-rm-f-empty-backticks.txt').output)
    expect(argsError(COMMANDS.rm!, 1)).toBeUndefined()
  })
  it('aligns flag usages as pflag does', () => {
    expect(flagUsages(COMMANDS.rm!.flags)).toBe(
      '  -f, --force     Force the removal of a running container (uses SIGKILL)\n  -l, --link      Remove the specified link\n  -v, --volumes   Remove anonymous volumes associated with the container',
    )
  })
})
