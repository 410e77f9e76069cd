/** Carries out one iptables command on the namespace's tables; errors come back as iptables prints them. */
import { formatIpv4, parseIpv4 } from '../../../lib/ipv4'
import type { FileSystem } from '../../kernel/fs/fs'
import type { IptablesApi, TableName } from '../../kernel/net/iptables-types'
import { formatList, formatSave, type ListFormat } from './format'
import { PROG, tableName, type Command, type Options } from './parse'

export interface IptablesResult {
  readonly stdout: string
  readonly stderr: string
  readonly exitCode: number
}

const ok = (stdout = ''): IptablesResult => ({ stdout, stderr: '', exitCode: 0 })
const err = (message: string, exitCode = 1): IptablesResult => ({ stdout: '', stderr: `iptables: ${message}\n`, exitCode })

function read(fs: FileSystem, path: string): string {
  try {
    return fs.readFile(path)
  } catch {
    return ''
  }
}

/** The resolver iptables uses without -n: /etc/hosts for hosts, /etc/networks for networks (getnetbyaddr). */
function namer(fs: FileSystem): ListFormat['nameOf'] {
  const hosts = read(fs, '/etc/hosts')
  const networks = read(fs, '/etc/networks')
  return (address, prefix) => {
    const table = prefix === 32 ? hosts : networks
    for (const line of table.split('\n')) {
      const f = line.replace(/#.*/, '').trim().split(/\s+/)
      if (f.length < 2) continue
      const [a, b] = prefix === 32 ? [f[0], f[1]] : [f[1], f[0]]
      const ip = a !== undefined ? parseIpv4(a) : undefined
      if (ip !== undefined && formatIpv4(ip) === address) return b
    }
    return undefined
  }
}

function message(e: unknown): IptablesResult {
  const m = e instanceof Error ? e.message : String(e)
  const code = (e as { exitCode?: number }).exitCode ?? 1
  return code === 2 ? { stdout: '', stderr: `${PROG}: ${m}\nTry \`iptables -h' or 'iptables --help' for more information.\n`, exitCode: 2 } : err(m, code)
}

export function runIptables(api: IptablesApi, fs: FileSystem, command: Command, options: Options): IptablesResult {
  if (command.kind === 'version') return ok(`${PROG}\n`)
  const table = tableName(options.table)
  if (!table) return { stdout: '', stderr: `${PROG}: can't initialize iptables table \`${options.table}': Table does not exist (do you need to insmod?)\nPerhaps iptables or your kernel needs to be upgraded.\n`, exitCode: 3 }
  try {
    return run(api, fs, table, command, options)
  } catch (e) {
    return message(e)
  }
}

function run(api: IptablesApi, fs: FileSystem, table: TableName, c: Exclude<Command, { kind: 'version' }>, o: Options): IptablesResult {
  const pick = (chain?: string) => {
    const all = api.chains(table)
    if (chain === undefined) return all
    const one = all.filter((x) => x.name === chain)
    if (one.length === 0) throw Object.assign(new Error('No chain/target/match by that name.'), { exitCode: 1 })
    return one
  }
  switch (c.kind) {
    case 'list':
      return ok(formatList(pick(c.chain), { numeric: o.numeric, verbose: o.verbose, exact: o.exact, lineNumbers: o.lineNumbers, nameOf: namer(fs) }))
    case 'save':
      return ok(formatSave(pick(c.chain)))
    case 'append':
      api.append(table, c.chain, c.rule)
      return ok()
    case 'check': {
      const found = pick(c.chain)[0]!.rules.some((r) => JSON.stringify(r) === JSON.stringify(c.rule))
      return found ? ok() : err('Bad rule (does a matching rule exist in that chain?).')
    }
    case 'insert':
      api.insert(table, c.chain, c.rule, c.position)
      return ok()
    case 'delete': {
      pick(c.chain)
      const done = typeof c.rule === 'number' ? api.deleteAt(table, c.chain, c.rule) : api.delete(table, c.chain, c.rule)
      return done ? ok() : err(typeof c.rule === 'number' ? 'Index of deletion too big.' : 'Bad rule (does a matching rule exist in that chain?).')
    }
    case 'new':
      api.newChain(table, c.chain)
      return ok()
    case 'delete-chain':
      if (c.chain !== undefined) api.deleteChain(table, c.chain)
      else for (const ch of api.chains(table)) if (!ch.policy && (ch.references ?? 0) === 0) api.deleteChain(table, ch.name)
      return ok()
    case 'flush':
      if (c.chain !== undefined) pick(c.chain)
      api.flush(table, c.chain)
      return ok()
    case 'zero':
      api.zero(table, c.chain)
      return ok()
    case 'policy':
      if (c.policy !== 'ACCEPT' && c.policy !== 'DROP') return err('Bad policy name. Run `dmesg\' for more information.')
      api.setPolicy(table, c.chain, c.policy)
      return ok()
  }
}
