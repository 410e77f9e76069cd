/**
 * Records what the real shells print for every case in cases.txt, into
 * golden.json. Run on a Debian machine with bash and busybox installed
 * (apt-get install -y busybox):
 *
 *   npx tsx src/testing/conformance/record.ts
 *
 * bash runs as `bash -c SCRIPT` with the GNU tools on PATH; BusyBox ash runs
 * as `busybox sh -c SCRIPT` (so it calls itself "sh", as in alpine) with
 * PATH holding only busybox applets, as in an alpine image. Each case gets a
 * fresh empty scratch directory as its working directory and a fixed
 * environment (HOME=/root, no LANG: the C locale, so GNU tools quote with
 * ASCII quotes), so nothing machine-specific reaches the output.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseCases, type Golden, type Recorded, type ShellKind } from './cases'

const here = new URL('.', import.meta.url).pathname
const APPLETS = ['awk', 'basename', 'cat', 'cp', 'cut', 'dirname', 'echo', 'env', 'false', 'find', 'grep', 'head', 'kill', 'ln', 'ls', 'mkdir', 'mv', 'printenv', 'printf', 'pwd', 'rm', 'sed', 'seq', 'sh', 'sleep', 'sort', 'tail', 'tee', 'touch', 'tr', 'true', 'uniq', 'wc', 'which', 'xargs']

function busyboxBin(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bb-bin-'))
  for (const a of APPLETS) symlinkSync('/usr/bin/busybox', join(dir, a))
  return dir
}

function runCase(shell: ShellKind, script: string, bbBin: string): Recorded {
  const cwd = mkdtempSync(join(tmpdir(), 'conf-'))
  const env = { HOME: '/root', PATH: shell === 'bash' ? '/usr/local/bin:/usr/bin:/bin' : bbBin }
  mkdirSync(cwd, { recursive: true })
  const r = shell === 'bash' ? spawnSync('/usr/bin/bash', ['-c', script], { argv0: 'bash', cwd, env, encoding: 'utf8', timeout: 5000 }) : spawnSync('/usr/bin/busybox', ['sh', '-c', script], { cwd, env, encoding: 'utf8', timeout: 5000 })
  rmSync(cwd, { recursive: true, force: true })
  return { stdout: r.stdout, stderr: r.stderr, status: r.status ?? 128 }
}

const cases = parseCases(readFileSync(join(here, 'cases.txt'), 'utf8'))
const bbBin = busyboxBin()
const golden: Golden = {
  recordedWith: {
    bash: execFileSync('bash', ['--version'], { encoding: 'utf8' }).split('\n')[0]!,
    ash: execFileSync('busybox', [], { encoding: 'utf8' }).split('\n')[0]!,
  },
  command: 'npx tsx src/testing/conformance/record.ts',
  cases: {},
}
for (const c of cases) {
  golden.cases[c.name] = {}
  for (const shell of c.shells) golden.cases[c.name]![shell] = runCase(shell, c.script, bbBin)
}
rmSync(bbBin, { recursive: true, force: true })
writeFileSync(join(here, 'golden.json'), JSON.stringify(golden, null, 1) + '\n')
console.log(`recorded ${cases.length} cases`)
