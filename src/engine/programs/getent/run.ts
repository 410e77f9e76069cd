/**
 * getent hosts (glibc nss/getent.c hosts_keys): a numeric key is looked up
 * by address; a name first as AF_INET6 (hosts-file IPv6 lines, then a DNS
 * AAAA query) and then as AF_INET (hosts file, then DNS A), the way
 * gethostbyname2 does with `hosts: files dns`. Without keys, the whole
 * hosts file. Exit status 2 when a key is not found.
 */
import { formatIpv4, parseIpv4 } from '../../../lib/ipv4'
import type { FileSystem } from '../../kernel/fs/fs'
import { askNameservers, reverseLookup } from '../../kernel/net/resolver'
import type { NetNamespace } from '../../kernel/net/types'

export interface HostEnt {
  readonly address: string
  readonly name: string
  readonly aliases: readonly string[]
}

interface Line {
  readonly address: string
  readonly names: readonly string[]
}

function hostsLines(fs: FileSystem): Line[] {
  let text = ''
  try {
    text = fs.readFile('/etc/hosts')
  } catch {
    return []
  }
  return text
    .split('\n')
    .map((l) => l.replace(/#.*/, '').trim().split(/[ \t]+/).filter(Boolean))
    .filter((f) => f.length >= 2)
    .map((f) => ({ address: f[0]!, names: f.slice(1) }))
}

const isV6 = (a: string) => a.includes(':')

function fromFile(lines: Line[], name: string, v6: boolean): HostEnt | undefined {
  const wanted = name.toLowerCase()
  const line = lines.find((l) => isV6(l.address) === v6 && (v6 || parseIpv4(l.address) !== undefined) && l.names.some((n) => n.toLowerCase() === wanted))
  return line && { address: line.address, name: line.names[0]!, aliases: line.names.slice(1) }
}

async function byName(fs: FileSystem, net: NetNamespace, name: string): Promise<HostEnt[]> {
  const lines = hostsLines(fs)
  for (const v6 of [true, false]) {
    const file = fromFile(lines, name, v6)
    if (file) return [file]
    const answer = await askNameservers(fs, net, { name: name.replace(/\.$/, ''), type: v6 ? 'AAAA' : 'A' })
    if (answer?.rcode === 'NOERROR' && answer.answers.length > 0) return answer.answers.map((a) => ({ address: a, name, aliases: [] }))
  }
  return []
}

export async function lookupHosts(fs: FileSystem, net: NetNamespace, key: string): Promise<HostEnt[]> {
  const numeric = parseIpv4(key)
  if (numeric !== undefined) {
    const name = await reverseLookup(fs, net, numeric)
    if (name === undefined) return []
    const line = hostsLines(fs).find((l) => l.address === formatIpv4(numeric))
    return [{ address: formatIpv4(numeric), name, aliases: line && line.names[0] === name ? line.names.slice(1) : [] }]
  }
  return byName(fs, net, key)
}

/** `getent hosts` without a key: every line of the hosts file. */
export function allHosts(fs: FileSystem): HostEnt[] {
  return hostsLines(fs).map((l) => ({ address: l.address, name: l.names[0]!, aliases: l.names.slice(1) }))
}
