/**
 * The Docker host's own root filesystem: a Debian 12 server as the tutorial's
 * learner logs into it (prompt `root@docker-host:~# `). Executables live in
 * /usr/bin with /bin and /sbin as symlinks (Debian's merged /usr); each is a
 * file whose `program` names a registry entry, so PATH lookup, `ls /usr/bin`
 * and `type ping` all see the same thing.
 */
import type { FileSystem } from './kernel/fs/fs'

export const HOST_NAME = 'docker-host'
export const HOST_ADDRESS = '172.17.0.3'

/** What Docker copies into containers on the default bridge (a cloud VPC's resolvers). */
export const HOST_RESOLV_CONF = 'nameserver 100.100.2.136\nnameserver 100.100.2.138\n'

const OS_RELEASE = `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
`

const PASSWD = `root:x:0:0:root:/root:/bin/bash
daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
bin:x:2:2:bin:/bin:/usr/sbin/nologin
sys:x:3:3:sys:/dev:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
`

const GROUP = `root:x:0:
daemon:x:1:
bin:x:2:
sys:x:3:
docker:x:998:
nogroup:x:65534:
`

/** Fills a fresh filesystem with the host's tree; `programs` are the registry names to install in /usr/bin. */
export function populateHostRootfs(fs: FileSystem, programs: readonly string[]): void {
  for (const dir of ['/usr/bin', '/usr/sbin', '/usr/lib', '/usr/share', '/etc/docker', '/root', '/home', '/tmp', '/var/lib/docker', '/var/log', '/var/run', '/opt', '/mnt', '/srv', '/dev', '/proc', '/sys', '/run']) {
    fs.mkdir(dir, { parents: true })
  }
  fs.lookup('/tmp').mode = 0o1777
  fs.lookup('/root').mode = 0o700
  fs.symlink('usr/bin', '/bin')
  fs.symlink('usr/sbin', '/sbin')
  fs.symlink('usr/lib', '/lib')
  for (const name of programs) fs.attach(`/usr/bin/${name}`, fs.newFile('', 0o755, name))
  fs.writeFile('/etc/hostname', `${HOST_NAME}\n`)
  fs.writeFile('/etc/hosts', `127.0.0.1\tlocalhost\n${HOST_ADDRESS}\t${HOST_NAME}\n\n# The following lines are desirable for IPv6 capable hosts\n::1     localhost ip6-localhost ip6-loopback\nff02::1 ip6-allnodes\nff02::2 ip6-allrouters\n`)
  fs.writeFile('/etc/resolv.conf', HOST_RESOLV_CONF)
  fs.writeFile('/etc/os-release', OS_RELEASE)
  fs.writeFile('/etc/debian_version', '12.12\n')
  fs.writeFile('/etc/passwd', PASSWD)
  fs.writeFile('/etc/group', GROUP)
  fs.writeFile('/etc/shells', '/bin/sh\n/usr/bin/sh\n/bin/bash\n/usr/bin/bash\n')
  fs.writeFile('/root/.bashrc', '# ~/.bashrc: executed by bash(1) for non-login shells.\n')
  fs.writeFile('/root/.profile', '# ~/.profile: executed by Bourne-compatible login shells.\n')
}
