/**
 * Normalising real captures and simulator output before comparing them
 * (STYLE.md habit 7): only values that vary from run to run are replaced,
 * each by a named placeholder numbered by first appearance, `<veth-name#2>`.
 * One Normaliser shared by several texts keeps their cross-references: if
 * the capture's tomcat01 says `eth0@if5` and its host says `5: veth…@if4`,
 * our output must agree with itself in the same way or the comparison fails.
 * The explicit checks below (veth pairs, EUI-64 link-locals) say why.
 */
import { readFileSync } from 'node:fs'
import { linkLocalFromMac } from '../lib/mac'

export type Field =
  | 'ifindex' // interface numbers: grow with every link ever made on the host
  | 'netnsid' // link-netnsid: depends on namespace creation history
  | 'veth-name' // `veth` + 7 random hex (libnetwork GenerateIfaceName)
  | 'veth-mac' // host-side veth MACs: kernel random (eth_random_addr)
  | 'bridge-mac' // docker0 / br-*: 02:42 + 4 random bytes
  | 'link-local' // fe80:: of veths and bridges (EUI-64 of the random MACs above)
  | 'rtt' // `time=0.085 ms` and the rtt summary
  | 'elapsed' // `time 2026ms` in ping's summary
  | 'lifetime' // `valid_lft 86394sec` counting down
  | 'dad' // the `tentative` flag, there for ~1-2 s after a link comes up
  | 'fdb' // `bridge fdb`: the permanent entries of random MACs and their solicited-node groups (33:33:ff:…)
  | 'container-id' // 12-hex container ids (hostnames, /etc/hosts lines, getent)

export const ALL_FIELDS: readonly Field[] = ['ifindex', 'netnsid', 'veth-name', 'veth-mac', 'bridge-mac', 'link-local', 'rtt', 'elapsed', 'lifetime', 'dad']

const MAC = '[0-9a-f]{2}(?::[0-9a-f]{2}){5}'
const isVeth = (name: string): boolean => /^veth[0-9a-f]{7}$/.test(name)
const isBridge = (name: string): boolean => name === 'docker0' || /^br-[0-9a-f]{12}$/.test(name)

export class Normaliser {
  private readonly values = new Map<Field, Map<string, string>>()

  constructor(readonly fields: ReadonlySet<Field> = new Set(ALL_FIELDS)) {}

  /** The placeholder for `value`, or the value itself when `field` is not normalised. */
  name(field: Field, value: string): string {
    if (!this.fields.has(field)) return value
    let map = this.values.get(field)
    if (!map) this.values.set(field, (map = new Map()))
    let p = map.get(value)
    if (!p) map.set(value, (p = `<${field}#${map.size + 1}>`))
    return p
  }

  /** Values seen so far for a field, in order of first appearance. */
  seen(field: Field): string[] {
    return [...(this.values.get(field)?.keys() ?? [])]
  }

  normalise(text: string): string {
    let current = ''
    const lines = text.split('\n').map((line) => {
      let l = line
      // A line that does not continue a link block starts a new context.
      if (!/^\s/.test(line)) current = ''
      // `N: name[@ifM]: <…` (ip addr / ip link), `N: name    inet…` (ip -o addr)
      l = l.replace(/^(\d+): ([^:@\s]+)(?:@(if)?([^:\s]+))?(:? )/, (_, idx: string, name: string, ifp: string | undefined, peer: string | undefined, sep: string) => {
        current = name
        const peerText = peer === undefined ? '' : ifp ? `@if${this.name('ifindex', peer)}` : `@${this.linkName(peer)}`
        return `${this.name('ifindex', idx)}: ${this.linkName(name)}${peerText}${sep}`
      })
      // ip -br: `name[@ifM]   STATE   …`
      l = l.replace(/^(\S+?)(?:@if(\d+))?(\s+)(UP|DOWN|UNKNOWN|LOWERLAYERDOWN)(\s)/, (_, name: string, peer: string | undefined, sp: string, state: string, sp2: string) => {
        current = name
        const head = `${this.linkName(name)}${peer !== undefined ? `@if${this.name('ifindex', peer)}` : ''}`
        return `${head}${' '.repeat(Math.max(1, (name + (peer !== undefined ? `@if${peer}` : '')).length + sp.length - head.length))}${state}${sp2}`
      })
      l = l.replace(new RegExp(`(link/ether |^\\S+\\s+\\S+\\s+)(${MAC})`), (m, pre: string, mac: string) => {
        const field = this.macField(current)
        return field ? `${pre}${this.name(field, mac)}` : m
      })
      if (this.fields.has('fdb')) {
        l = l.replace(new RegExp(`^(${MAC}) dev (\\S+) (.*permanent)$`), (m, mac: string, dev: string, rest: string) => {
          if (/^(33:33:00|01:00:5e)/.test(mac)) return m
          if (mac.startsWith('33:33:ff:')) return `33:33:ff:<solicited:${this.linkName(dev)}> dev ${dev} ${rest}`
          const field = this.macField(dev)
          return field ? `${this.name(field, mac)} dev ${dev} ${rest}` : m
        })
      }
      if (this.fields.has('container-id')) l = l.replace(/(?<![-\w:])[0-9a-f]{12}(?![\w:])/g, (id) => this.name('container-id', id))
      l = l.replace(/link-netnsid (\d+)/, (_, id: string) => `link-netnsid ${this.name('netnsid', id)}`)
      l = l.replace(/(fe80::[0-9a-f:]+)\/64/g, (m, addr: string) => (isVeth(current) || isBridge(current) ? `${this.name('link-local', addr)}/64` : m))
      l = l.replace(/\bveth[0-9a-f]{7}\b/g, (v) => this.name('veth-name', v))
      if (this.fields.has('lifetime')) l = l.replace(/valid_lft \d+sec preferred_lft \d+sec/, 'valid_lft <lifetime> preferred_lft <lifetime>')
      if (this.fields.has('dad')) l = l.replace(/ tentative /, ' ')
      if (this.fields.has('rtt')) {
        l = l.replace(/time=\d+(?:\.\d+)? ms/, 'time=<rtt> ms')
        l = l.replace(/^rtt min\/avg\/max\/mdev = [\d./]+ ms/, 'rtt min/avg/max/mdev = <rtt> ms')
      }
      if (this.fields.has('elapsed')) l = l.replace(/, time \d+ms$/, ', time <elapsed>ms')
      // MACs already named elsewhere (a bridge's MAC in a container's `ip neigh`) get the same name.
      l = l.replace(new RegExp(MAC, 'g'), (mac) => this.known(mac) ?? mac)
      return l
    })
    return lines.join('\n')
  }

  private linkName(name: string): string {
    return isVeth(name) ? this.name('veth-name', name) : name
  }

  private macField(link: string): Field | undefined {
    if (isVeth(link)) return 'veth-mac'
    if (isBridge(link)) return 'bridge-mac'
    return undefined
  }

  private known(mac: string): string | undefined {
    for (const f of ['veth-mac', 'bridge-mac'] as const) {
      const p = this.values.get(f)?.get(mac)
      if (p) return p
    }
    return undefined
  }
}

/** One capture file: the command, where it ran, its exit status and its exact output. */
export interface Capture {
  readonly command: string
  readonly ns: string
  readonly exitCode: number
  /** refs/linux `# streams:` (from a second, non-tty run): `stdout only`, `stderr only`, `no output`, `mixed; …`. */
  readonly streams?: string
  readonly note?: string
  readonly output: string
}

/**
 * Reads a capture (refs/linux format: `$ cmd`, `# ns:`, `# exit:` …; refs/docker:
 * `$ cmd`, `# source: …; exit status N; …`). The output starts at the first
 * line that is not a `$ ` or `# ` header line.
 */
export function readCapture(path: string): Capture {
  const lines = readFileSync(path, 'utf8').split('\n')
  let i = 0
  let command = ''
  let ns = 'host'
  let exitCode = 0
  let streams: string | undefined
  let note: string | undefined
  for (; i < lines.length; i++) {
    const l = lines[i]!
    if (l.startsWith('$ ')) command = l.slice(2)
    else if (l.startsWith('# ns: ')) ns = l.slice(6).split(/\s+/)[0]!
    else if (l.startsWith('# exit: ')) exitCode = Number(l.slice(8))
    else if (l.startsWith('# source: ')) exitCode = Number(/exit status (\d+)/.exec(l)?.[1] ?? 0)
    else if (l.startsWith('# streams: ')) streams = l.slice(11)
    else if (l.startsWith('# note: ')) note = l.slice(8)
    else if (!l.startsWith('# ')) break
  }
  return { command, ns, exitCode, ...(streams ? { streams } : {}), ...(note ? { note } : {}), output: lines.slice(i).join('\n') }
}

/** `N: name@ifM` headers of an `ip addr`/`ip link` output: name → [ifindex, peer ifindex]. */
export function vethHeaders(text: string): Map<string, { ifindex: number; peer: number }> {
  const out = new Map<string, { ifindex: number; peer: number }>()
  for (const m of text.matchAll(/^(\d+): ([^:@\s]+)@if(\d+):/gm)) out.set(m[2]!, { ifindex: Number(m[1]), peer: Number(m[3]) })
  return out
}

/**
 * Every container `N: ethX@ifM` has a host link `M: vethY@ifN` (and no host
 * veth points at an index no container has). Returns the problems found.
 */
export function checkVethPairs(host: string, containers: readonly string[]): string[] {
  const problems: string[] = []
  const hostLinks = [...vethHeaders(host).entries()]
  const containerLinks = containers.flatMap((c) => [...vethHeaders(c).entries()])
  for (const [name, { ifindex, peer }] of containerLinks) {
    const match = hostLinks.find(([, h]) => h.ifindex === peer && h.peer === ifindex)
    if (!match) problems.push(`container ${ifindex}: ${name}@if${peer} has no host link ${peer}: …@if${ifindex}`)
  }
  for (const [name, { ifindex, peer }] of hostLinks) {
    if (!containerLinks.some(([, c]) => c.ifindex === peer && c.peer === ifindex)) problems.push(`host ${ifindex}: ${name}@if${peer} has no container end`)
  }
  return problems
}

/** Every link's `inet6 fe80::…` is the EUI-64 of its `link/ether` MAC (RFC 4291 appendix A). */
export function checkLinkLocals(text: string): string[] {
  const problems: string[] = []
  let mac: string | undefined
  let link = ''
  for (const line of text.split('\n')) {
    const header = /^\d+: ([^:]+):/.exec(line)
    if (header) {
      link = header[1]!
      mac = undefined
    }
    const ether = new RegExp(`link/ether (${MAC})`).exec(line)
    if (ether) mac = ether[1]
    const ll = /inet6 (fe80::[0-9a-f:]+)\/64/.exec(line)
    if (ll && mac && linkLocalFromMac(mac) !== ll[1]) problems.push(`${link}: ${ll[1]} is not the EUI-64 of ${mac}`)
  }
  return problems
}
