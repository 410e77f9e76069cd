/**
 * The three files Docker writes for each container under
 * /var/lib/docker/containers/<id>/ and bind-mounts into it (fact 14): the
 * same node sits in the host's tree and the container's, as with a real
 * bind mount. Contents follow libnetwork `etchosts` and `resolvconf`.
 */
import type { FileNode, FileSystem } from '../kernel/fs/fs'

/** libnetwork etchosts.defaultContent (IPv6 lines kept even with IPv6 off). */
const HOSTS_HEADER = ['127.0.0.1\tlocalhost', '::1\tlocalhost ip6-localhost ip6-loopback', 'fe00::0\tip6-localnet', 'ff00::0\tip6-mcastprefix', 'ff02::1\tip6-allnodes', 'ff02::2\tip6-allrouters']

export interface HostsRecord {
  readonly ip: string
  /** Space-separated names, e.g. `tomcat01 91508fd661ac` (fact 15). */
  readonly names: string
}

/** `/etc/hosts`: the fixed lines, then extra records (links), then the container's own line, tab-separated. */
export function hostsContent(records: readonly HostsRecord[]): string {
  return [...HOSTS_HEADER, ...records.map((r) => `${r.ip}\t${r.names}`)].join('\n') + '\n'
}

/** What Docker falls back to when the host has no usable nameserver (libnetwork resolvconf defaults). */
const GOOGLE_DNS = 'nameserver 8.8.8.8\nnameserver 8.8.4.4\n'

/** The cloud DNS of the tutorial's host (Alibaba Cloud), used when the host fs has no resolv.conf. */
export const FALLBACK_HOST_RESOLV_CONF = 'nameserver 100.100.2.136\nnameserver 100.100.2.138\n'

/**
 * resolvconf.FilterResolvDNS: the host's file without localhost
 * nameservers (127.0.0.0/8, ::1) and, with IPv6 off, without IPv6 ones;
 * Google's servers when none is left.
 */
export function containerResolvConf(host: string): string {
  const lines = host.split('\n')
  const kept = lines.filter((line) => {
    const m = /^\s*nameserver\s+(\S+)/.exec(line)
    if (!m) return true
    const ip = m[1]!
    return !(ip.startsWith('127.') || ip.includes(':'))
  })
  let text = kept.join('\n')
  if (!/^\s*nameserver\s/m.test(text)) text = (text.trim() ? text.replace(/\n*$/, '\n') : '') + GOOGLE_DNS
  return text.endsWith('\n') ? text : text + '\n'
}

/**
 * The resolv.conf of a container with the embedded DNS (libnetwork
 * sandbox_dns_unix.go setupDNS): the host's search domains and options
 * kept, its nameservers replaced by 127.0.0.11, `ndots:0` added (fact 16).
 */
export function embeddedResolvConf(host: string): string {
  const search = host.split('\n').filter((l) => /^\s*(search|domain)\s/.test(l))
  const options = host
    .split('\n')
    .flatMap((l) => /^\s*options\s+(.*)$/.exec(l)?.[1]?.trim().split(/\s+/) ?? [])
    .filter((o) => !o.startsWith('ndots:'))
  return [...search, 'nameserver 127.0.0.11', `options ${[...options, 'ndots:0'].join(' ')}`].join('\n') + '\n'
}

/** etchosts.Add: one `IP<TAB>names` line appended (a join, fact 17). */
export function addHostsLine(content: string, record: HostsRecord): string {
  return content + `${record.ip}\t${record.names}\n`
}

/** etchosts.Delete as 20.10 runs it: every line ending in `<TAB>names` goes, whatever its address (fact 17's quirk). */
export function deleteHostsLines(content: string, names: string): string {
  return content
    .split('\n')
    .filter((l, i, all) => !(l.endsWith(`\t${names}`) || (l === '' && i < all.length - 1)))
    .join('\n')
}

export function readHostResolvConf(hostFs: FileSystem): string {
  try {
    return hostFs.readFile('/etc/resolv.conf')
  } catch {
    return FALLBACK_HOST_RESOLV_CONF
  }
}

/** Creates the container's directory on the host and bind-mounts the three files into its rootfs. */
export function createContainerFiles(hostFs: FileSystem, rootfs: FileSystem, id: string): { hosts: FileNode; hostname: FileNode; resolvConf: FileNode } {
  const dir = `/var/lib/docker/containers/${id}`
  hostFs.mkdir(dir, { parents: true, mode: 0o710 })
  const make = (name: string, inside: string): FileNode => {
    const node = hostFs.writeFile(`${dir}/${name}`, '')
    rootfs.attach(inside, node)
    return node
  }
  return { hosts: make('hosts', '/etc/hosts'), hostname: make('hostname', '/etc/hostname'), resolvConf: make('resolv.conf', '/etc/resolv.conf') }
}

export function removeContainerFiles(hostFs: FileSystem, id: string): void {
  try {
    hostFs.rmdir(`/var/lib/docker/containers/${id}`, true)
  } catch {
    // already gone
  }
}
