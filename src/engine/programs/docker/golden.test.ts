/**
 * Golden tests: the docker CLI and daemon against real captures
 * (src/testing/refs/docker, copied from shared/refs/docker). Only the
 * fields named in docker-golden.ts are normalised (hex ids, host ports,
 * ifindexes); times are matched by choosing the instant of the command.
 *
 * Deviations (each with its reason):
 *  - 010/020: the image is pulled beforehand, silently, because the
 *    capture's images were imported locally (no pull output there); the
 *    pull itself is checked against 181/183/184.
 *  - 025: the harness host's resolv.conf is `nameserver 172.17.0.3`, the
 *    capture machine's (the rule under test is "a copy of the host's").
 *  - 084/101/152/153/230/241: the container names of the capture's session
 *    are recreated here with only the containers the message needs; ids are
 *    compared within the capture (per-capture normaliser).
 *  - 150: rows are compared by cells, CREATED and SIZE excepted, sorted by
 *    repository: the capture's images were imported busybox rootfs (7.73MB,
 *    created minutes before), ours are the 2021 Hub images.
 *  - 181/182/183/184: `localhost:5000/library/tomcat` is served by a test
 *    catalogue with the capture's four layer sizes; the TTY run uses an
 *    80-column terminal, as the capture's `script` session had no width
 *    over 110 (so no progress bars). 183 is compared up to the first
 *    progress line (the rest depends on download timing), 184 in full.
 *  - Not compared: 103/151/220/221/222/223 (their id lists come from the
 *    capture's 15-container session and imported images), 160/159/161
 *    (offline-registry artefacts).
 */
import xtermHeadless from '@xterm/headless'
import { describe, expect, it } from 'vitest'
import { spec } from '../../docker/image-catalogue'
import { DockerHarness } from '../../../testing/docker-harness'
import { loadCapture, Normaliser, tableCells, type Field } from '../../../testing/docker-golden'

const { Terminal } = xtermHeadless

/** Splits a capture's command line the simple way (none of these quote). */
const argvOf = (command: string): string[] => command.split(/\s+/).slice(1)

interface Compare {
  readonly h: DockerHarness
  readonly mine: Normaliser
  readonly theirs: Normaliser
}

function session(h = new DockerHarness({ hostResolvConf: 'nameserver 172.17.0.3\n' })): Compare {
  return { h, mine: new Normaliser(), theirs: new Normaliser() }
}

async function golden(c: Compare, file: string, options: { tty?: boolean; argv?: string[]; fields?: Field[] } = {}): Promise<void> {
  const cap = loadCapture(file)
  const run = await c.h.docker(options.argv ?? argvOf(cap.command), options.tty ? { tty: true } : {})
  const actual = options.tty ? run.tty : run.stdout + run.stderr
  expect(c.mine.apply(actual, options.fields)).toBe(c.theirs.apply(cap.output, options.fields))
  expect(run.status).toBe(cap.status)
}

async function pullQuietly(h: DockerHarness, image: string): Promise<void> {
  expect((await h.docker(['pull', image])).status).toBe(0)
}

describe('T1–T9 against the captures, one session', () => {
  it('replays 000–027 in order', async () => {
    const c = session()
    await golden(c, '000-version.txt')
    await golden(c, '004-ps-qa-empty.txt')
    await golden(c, '005-rm-f-empty-backticks.txt', { argv: ['rm', '-f'] })
    await golden(c, '006-rmi-f-empty.txt')
    await pullQuietly(c.h, 'tomcat')
    await golden(c, '010-run-tomcat01.txt')
    await golden(c, '011-exec-it-tomcat01-ip-addr.txt', { tty: true })
    await golden(c, '012-exec-tomcat01-ip-addr-no-tty-flag.txt')
    await golden(c, '013-exec-it-without-tty.txt')
    // 016 shows "4 seconds ago" / "Up 3 seconds": run `ps` at an instant where both hold.
    const [t01] = c.h.daemon.listContainers()
    const created = Math.floor(t01!.Created / 1000) * 1000
    const started = t01!.State.StartedAt!
    const at = Math.max(created + 4000, started + 3000) + 1
    expect(at).toBeLessThan(Math.min(created + 5000, started + 4000))
    await c.h.advance(at - c.h.daemon.systemTime() - 28) // the CLI's start-up comes on top
    await golden(c, '016-ps-one.txt')
    await golden(c, '020-run-tomcat02.txt')
    await golden(c, '022-exec-it-tomcat02-ip-addr.txt', { tty: true })
    await golden(c, '025-exec-tomcat02-cat-resolv-conf.txt')
    await golden(c, '026-exec-tomcat02-cat-hosts.txt')
    await golden(c, '027-exec-tomcat02-hostname.txt')
    await golden(c, '083-run-duplicate-name.txt')
    expect(c.mine.seen('hex')).toHaveLength(2) // tomcat01, tomcat02: every 12-hex was a prefix
    expect(c.mine.seen('port')).toEqual(['49153']) // tomcat01's, in 016
  })
})

describe('errors and removal, one capture at a time', () => {
  it('rm, rm -f, exec and stop errors', async () => {
    const h = new DockerHarness()
    await pullQuietly(h, 'tomcat')
    for (const name of ['tomcat05', 'tomcat-ip', 'stopped1']) await h.docker(['run', '-d', '-P', '--name', name, 'tomcat'])
    await h.docker(['stop', 'stopped1'])
    for (const file of ['084-rm-running.txt', '101-rm-f-running.txt', '102-rm-missing.txt', '230-exec-not-running.txt', '231-exec-missing.txt', '233-stop-missing.txt', '240-run-it-without-tty.txt', '242-run-bad-flag.txt']) {
      await golden(session(h), file)
    }
  })

  it('run --rm in the foreground streams the output and removes the container (241)', async () => {
    const h = new DockerHarness()
    await pullQuietly(h, 'tomcat')
    await h.docker(['run', '-d', '--name', 'tomcat01', 'tomcat']) // holds 172.18.0.2, as in the capture's session
    await golden(session(h), '241-run-rm-foreground.txt', { fields: ['hex', 'ifindex'] })
    expect(h.daemon.listContainers().map((c) => c.Name)).toEqual(['/tomcat01'])
  })

  it('empty tables (224, 225)', async () => {
    const h = new DockerHarness()
    await golden(session(h), '224-images-empty.txt')
    await golden(session(h), '225-ps-a-empty.txt')
  })
})

describe('images', () => {
  it('images (150, by cells) and rmi conflicts (152, 153, 158)', async () => {
    const h = new DockerHarness()
    await pullQuietly(h, 'tomcat')
    await pullQuietly(h, 'redis:5.0.9-alpine3.11')
    const norm = (n: Normaliser, text: string): string[][] =>
      tableCells(text)
        .sort((a, b) => (a[0] === 'REPOSITORY' ? -1 : b[0] === 'REPOSITORY' ? 1 : a[0]! < b[0]! ? -1 : 1))
        .map((row, i) => (i === 0 ? row : [row[0]!, row[1]!, n.apply(row[2]!), '<created>', '<size>']))
    const cap = loadCapture('150-images.txt')
    const run = await h.docker(['images'])
    expect(norm(new Normaliser(), run.stdout)).toEqual(norm(new Normaliser(), cap.output))
    await h.docker(['run', '-d', '--name', 'tomcat04', 'tomcat'])
    await golden(session(h), '152-rmi-in-use.txt')
    const id12 = (await h.docker(['images', '-q', 'tomcat'])).stdout.trim()
    await golden(session(h), '153-rmi-id-in-use.txt', { argv: ['rmi', id12] })
    await golden(session(h), '158-rmi-missing.txt')
  })

  const localRegistry = spec({
    domain: 'localhost:5000',
    repository: 'library/tomcat',
    tag: 'latest',
    created: '2021-08-17T19:43:37.816213498Z',
    size: 7_731_000,
    layerSizes: [3_606_000, 109, 3_073_000, 111], // the capture's four layers
    config: { Cmd: ['catalina.sh', 'run'], Entrypoint: null, Env: ['PATH=/usr/local/tomcat/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], ExposedPorts: ['8080/tcp'], WorkingDir: '/usr/local/tomcat' },
    rootfs: 'tomcat',
  })

  it('pull without a TTY (181) and rmi of the pulled image (182)', async () => {
    const c = session(new DockerHarness({ catalogue: [localRegistry] }))
    await golden(c, '181-pull-local-registry-no-tty.txt')
    await golden(c, '182-rmi-pulled-image.txt')
  })

  it('run pulling on a TTY: the raw redraws (183) and the final screen (184)', async () => {
    const h = new DockerHarness({ catalogue: [localRegistry], cols: 80 })
    const run = await h.docker(['run', '-d', '--name', 'tomcat07', 'localhost:5000/library/tomcat'], { tty: true })
    expect(run.status).toBe(0)
    const mine = new Normaliser()
    const theirs = new Normaliser()
    const head = (s: string): string => s.slice(0, s.indexOf('Downloading'))
    expect(mine.apply(head(run.tty))).toBe(theirs.apply(head(loadCapture('183-run-pulls-image-tty.txt').output)))
    const term = new Terminal({ cols: 80, rows: 24, allowProposedApi: true })
    await new Promise<void>((resolve) => term.write(run.tty.replace(/\n/g, '\r\n'), resolve))
    const lines: string[] = []
    for (let y = 0; y < term.buffer.active.length; y++) lines.push(term.buffer.active.getLine(y)!.translateToString(true))
    while (lines.at(-1) === '') lines.pop()
    const final = loadCapture('184-run-pulls-image-tty-final-screen.txt').output.replace(/\n$/, '')
    expect(new Normaliser().apply(lines.join('\n'))).toBe(new Normaliser().apply(final)) // trailing spaces included
  })
})
