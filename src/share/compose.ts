/**
 * Export as a compose file, where the scenario fits one: the containers still standing after its
 * `docker run`s (`rm` removes them again), with their names, images, commands, published ports,
 * bind mounts, networks (user-defined ones with their IPAM: subnet, gateway, `--ip`) and links,
 * and the networks they use. Other commands (exec, ping, ip…) leave no trace in a compose file.
 * Strings are written as JSON strings, which YAML 1.2 reads as they are.
 * Reference: the Compose Specification (services, networks, ipam, ipv4_address).
 */
import { typedLines } from './export'
import type { Scenario } from './scenario'

interface Service {
  image: string
  command: string[]
  ports: string[]
  volumes: string[]
  networks: Map<string, string | undefined>
  links: string[]
  publishAll: boolean
}
interface Net {
  driver?: string
  subnet?: string
  gateway?: string
}

/** Splits a command line into words: quotes and backslashes as a shell reads them, no expansion. */
export function words(line: string): string[] {
  const out: string[] = []
  const re = /"((?:[^"\\]|\\.)*)"|'([^']*)'|((?:[^\s"'\\]|\\.)+)/g
  for (let m = re.exec(line); m; m = re.exec(line)) out.push(m[1]?.replace(/\\(.)/g, '$1') ?? m[2] ?? m[3]!.replace(/\\(.)/g, '$1'))
  return out
}

/** The host terminal's command lines, with backslash continuations joined. */
function hostCommands(doc: Scenario): string[] {
  const keys = doc.steps.filter((s) => s.terminal === 'host' && s.input !== undefined).map((s) => s.input).join('')
  const out: string[] = []
  let acc = ''
  for (const line of typedLines(keys)) {
    if (line.endsWith('\\')) acc += line.slice(0, -1) + ' '
    else {
      out.push(acc + line)
      acc = ''
    }
  }
  return out
}

const VALUE_FLAGS = new Set(['--name', '-p', '--publish', '--net', '--network', '--ip', '-v', '--volume', '--link', '-e', '--env', '-w', '--workdir', '-h', '--hostname'])

function parseRun(args: string[]): { name?: string; service: Service } | undefined {
  const s: Service = { image: '', command: [], ports: [], volumes: [], networks: new Map(), links: [], publishAll: false }
  let name: string | undefined
  let network = 'bridge'
  let ip: string | undefined
  let i = 0
  for (; i < args.length; i++) {
    const a = args[i]!
    if (!a.startsWith('-')) break
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined]
    const value = VALUE_FLAGS.has(flag) ? (inline ?? args[++i]) : undefined
    if (flag === '--name') name = value
    else if (flag === '-p' || flag === '--publish') s.ports.push(value ?? '')
    else if (flag === '--net' || flag === '--network') network = value ?? 'bridge'
    else if (flag === '--ip') ip = value
    else if (flag === '-v' || flag === '--volume') s.volumes.push(value ?? '')
    else if (flag === '--link') s.links.push(value ?? '')
    else if (/^-[a-zA-Z]*P/.test(flag) || flag === '--publish-all') s.publishAll = true
  }
  if (i >= args.length) return undefined
  s.image = args[i]!
  s.command = args.slice(i + 1)
  s.networks.set(network, ip)
  return { name, service: s }
}

/** The compose file, or undefined when no container is left to describe. */
export function exportCompose(doc: Scenario): string | undefined {
  const services = new Map<string, Service>()
  const networks = new Map<string, Net>()
  let anonymous = 0
  for (const line of hostCommands(doc)) {
    const w = words(line)
    if (w[0] !== 'docker') continue
    if (w[1] === 'run') {
      const run = parseRun(w.slice(2))
      if (run) services.set(run.name ?? `service${++anonymous}`, run.service)
    } else if (w[1] === 'rm') {
      for (const n of w.slice(2).filter((x) => !x.startsWith('-'))) services.delete(n)
    } else if (w[1] === 'network' && w[2] === 'create') {
      const net: Net = {}
      let name: string | undefined
      for (let i = 3; i < w.length; i++) {
        const a = w[i]!
        if (a === '--driver' || a === '-d') net.driver = w[++i]
        else if (a === '--subnet') net.subnet = w[++i]
        else if (a === '--gateway') net.gateway = w[++i]
        else if (!a.startsWith('-')) name = a
      }
      if (name) networks.set(name, net)
    } else if (w[1] === 'network' && w[2] === 'connect') {
      const args = w.slice(3).filter((x) => !x.startsWith('-'))
      const [net, container] = args
      if (net && container) services.get(container)?.networks.set(net, undefined)
    }
  }
  if (services.size === 0) return undefined
  const q = (s: string) => JSON.stringify(s)
  const out = ['# Exported from Dockernet Playground (the containers left standing, as a compose file).', 'services:']
  const used = new Set<string>()
  for (const [name, s] of services) {
    out.push(`  ${q(name)}:`, `    image: ${q(s.image)}`, `    container_name: ${q(name)}`)
    if (s.command.length) out.push(`    command: [${s.command.map(q).join(', ')}]`)
    if (s.publishAll) out.push('    # was started with -P: expose the image’s ports as needed')
    if (s.ports.length) out.push('    ports:', ...s.ports.map((p) => `      - ${q(p)}`))
    if (s.volumes.length) out.push('    volumes:', ...s.volumes.map((v) => `      - ${q(v)}`))
    if (s.links.length) out.push('    links:', ...s.links.map((l) => `      - ${q(l)}`))
    const nets = [...s.networks].filter(([n]) => n !== 'bridge')
    if (s.networks.has('bridge') && nets.length === 0) out.push('    network_mode: bridge')
    else if (nets.length) {
      if (s.networks.has('bridge')) out.push(`    # also on the default bridge: docker network connect bridge ${name}`)
      out.push('    networks:')
      for (const [n, ip] of nets) {
        used.add(n)
        out.push(ip ? `      ${q(n)}:\n        ipv4_address: ${q(ip)}` : `      ${q(n)}: {}`)
      }
    }
  }
  if (used.size) {
    out.push('networks:')
    for (const n of used) {
      const net = networks.get(n)
      if (!net) {
        out.push(`  ${q(n)}:`, '    external: true')
        continue
      }
      out.push(`  ${q(n)}:`, `    name: ${q(n)}`, `    driver: ${q(net.driver ?? 'bridge')}`)
      if (net.subnet) out.push('    ipam:', '      config:', `        - subnet: ${q(net.subnet)}`, ...(net.gateway ? [`          gateway: ${q(net.gateway)}`] : []))
    }
  }
  return `${out.join('\n')}\n`
}
