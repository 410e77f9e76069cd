/**
 * Each image's root filesystem: what a learner looks at inside a container
 * (`cat /etc/os-release`, `ls /usr/local/tomcat`, `which ip`). Executables
 * are files whose `program` names an entry of the program registry; the
 * registry names are agreed with the shell and coreutils engineers: `bash`,
 * `sh` (POSIX sh; Debian's dash), `ash` (busybox ash), and one name per tool
 * (`cat`, `ip`, `ping`, …). Busybox images map each applet to the same
 * names, with /bin/sh → `ash`. The tutorial's tomcat image has `ip` and
 * `ping` (T4, T8).
 */
import { FileSystem } from '../kernel/fs/fs'
import * as text from './rootfs-text'
import * as nginx from './rootfs-nginx'

export type RootfsKind = 'tomcat' | 'redis-alpine' | 'alpine' | 'busybox' | 'nginx' | 'ubuntu'

/** Debian/Ubuntu: the usual locations of coreutils, procps, iproute2, iputils. */
const DEBIAN_BIN: Record<string, readonly string[]> = {
  '/bin': ['bash', 'cat', 'chmod', 'cp', 'date', 'df', 'echo', 'false', 'grep', 'hostname', 'ln', 'ls', 'mkdir', 'mv', 'ps', 'pwd', 'rm', 'rmdir', 'sed', 'sleep', 'touch', 'true', 'uname'],
  '/usr/bin': ['[', 'cut', 'du', 'env', 'find', 'getent', 'head', 'id', 'printf', 'seq', 'sort', 'tail', 'tee', 'test', 'tr', 'wc', 'which', 'whoami', 'xargs', 'yes'],
}
const NET_TOOLS: Record<string, readonly string[]> = { '/bin': ['ip', 'ping'] }

/** Busybox applets (busybox 1.31–1.33), placed as Alpine places them. */
const BUSYBOX_BIN: Record<string, readonly string[]> = {
  '/bin': ['cat', 'chmod', 'cp', 'date', 'df', 'echo', 'false', 'grep', 'hostname', 'ln', 'ls', 'mkdir', 'mv', 'ping', 'ps', 'pwd', 'rm', 'rmdir', 'sed', 'sleep', 'touch', 'true', 'uname'],
  '/sbin': ['ip', 'ifconfig', 'route'],
  '/usr/bin': ['[', 'cut', 'du', 'env', 'find', 'getent', 'head', 'id', 'nslookup', 'printf', 'seq', 'sort', 'tail', 'tee', 'test', 'tr', 'wc', 'wget', 'which', 'whoami', 'xargs', 'yes'],
}

function install(fs: FileSystem, bins: Record<string, readonly string[]>): void {
  for (const [dir, names] of Object.entries(bins)) {
    fs.mkdir(dir, { parents: true })
    for (const name of names) fs.attach(`${dir}/${name}`, fs.newFile('', 0o755, name))
  }
}

function skeleton(fs: FileSystem): void {
  for (const d of ['/bin', '/dev', '/etc', '/home', '/lib', '/media', '/mnt', '/opt', '/proc', '/root', '/run', '/sbin', '/srv', '/sys', '/tmp', '/usr/bin', '/usr/lib', '/usr/local/bin', '/usr/local/sbin', '/usr/sbin', '/var/log', '/var/tmp']) {
    fs.mkdir(d, { parents: true, mode: d.endsWith('tmp') ? 0o1777 : 0o755 })
  }
}

function debian(fs: FileSystem, osRelease: string): void {
  skeleton(fs)
  install(fs, DEBIAN_BIN)
  fs.attach('/bin/sh', fs.newFile('', 0o755, 'sh'))
  fs.writeFile('/etc/os-release', osRelease)
  fs.writeFile('/etc/passwd', text.DEBIAN_PASSWD)
  fs.writeFile('/etc/group', text.DEBIAN_GROUP)
  fs.writeFile('/root/.bashrc', text.DEBIAN_BASHRC)
  fs.writeFile('/etc/debian_version', osRelease.includes('bullseye') ? '11.0\n' : osRelease.includes('buster') ? '10.10\n' : 'bullseye/sid\n')
}

function busybox(fs: FileSystem, alpine: boolean): void {
  skeleton(fs)
  if (alpine) {
    install(fs, BUSYBOX_BIN)
    fs.attach('/bin/busybox', fs.newFile('', 0o755, 'ash'))
  } else {
    // The busybox image keeps every applet in /bin.
    install(fs, { '/bin': Object.values(BUSYBOX_BIN).flat() })
  }
  fs.attach('/bin/sh', fs.newFile('', 0o755, 'ash'))
  fs.attach('/bin/ash', fs.newFile('', 0o755, 'ash'))
  fs.writeFile('/etc/passwd', alpine ? text.ALPINE_PASSWD : text.BUSYBOX_PASSWD)
  fs.writeFile('/etc/group', alpine ? text.ALPINE_GROUP : text.BUSYBOX_GROUP)
}

function tomcatTree(fs: FileSystem): void {
  const home = '/usr/local/tomcat'
  for (const d of ['bin', 'conf', 'lib', 'logs', 'native-jni-lib', 'temp', 'webapps', 'webapps.dist', 'work']) fs.mkdir(`${home}/${d}`, { parents: true })
  for (const f of ['BUILDING.txt', 'CONTRIBUTING.md', 'LICENSE', 'NOTICE', 'README.md', 'RELEASE-NOTES', 'RUNNING.txt']) fs.writeFile(`${home}/${f}`, '')
  for (const f of ['bootstrap.jar', 'catalina-tasks.xml', 'ciphers.sh', 'commons-daemon.jar', 'configtest.sh', 'digest.sh', 'makebase.sh', 'setclasspath.sh', 'shutdown.sh', 'startup.sh', 'tomcat-juli.jar', 'tool-wrapper.sh', 'version.sh']) {
    fs.writeFile(`${home}/bin/${f}`, '', { mode: f.endsWith('.sh') ? 0o755 : 0o644 })
  }
  fs.attach(`${home}/bin/catalina.sh`, fs.newFile('', 0o755, 'catalina.sh'))
  for (const f of ['catalina.policy', 'catalina.properties', 'context.xml', 'jaspic-providers.xml', 'logging.properties', 'server.xml', 'tomcat-users.xml', 'web.xml']) fs.writeFile(`${home}/conf/${f}`, '')
  fs.writeFile(`${home}/conf/server.xml`, text.TOMCAT_SERVER_XML)
  for (const app of ['ROOT', 'docs', 'examples', 'host-manager', 'manager']) fs.mkdir(`${home}/webapps.dist/${app}`, { parents: true })
  fs.mkdir('/usr/local/openjdk-11/bin', { parents: true })
  fs.attach('/usr/bin/curl', fs.newFile('', 0o755, 'curl'))
  fs.attach('/usr/bin/wget', fs.newFile('', 0o755, 'wget-gnu'))
}

/** A fresh copy of the image's filesystem (each container gets its own writable copy). */
export function buildRootfs(kind: RootfsKind, now: () => number): FileSystem {
  const fs = new FileSystem(now)
  switch (kind) {
    case 'tomcat':
      debian(fs, text.DEBIAN_11_OS_RELEASE)
      install(fs, NET_TOOLS)
      tomcatTree(fs)
      break
    case 'nginx':
      debian(fs, text.DEBIAN_10_OS_RELEASE)
      fs.attach('/usr/sbin/nginx', fs.newFile('', 0o755, 'nginx'))
      // Registry name `nginx-entrypoint.sh`: redis's docker-entrypoint.sh is another script.
      fs.attach('/docker-entrypoint.sh', fs.newFile('', 0o775, 'nginx-entrypoint.sh'))
      fs.mkdir('/docker-entrypoint.d', { parents: true })
      for (const name of nginx.NGINX_ENTRYPOINT_SCRIPTS) fs.writeFile(`/docker-entrypoint.d/${name}`, '', { mode: 0o775 })
      fs.mkdir('/usr/share/nginx/html', { parents: true })
      fs.writeFile('/usr/share/nginx/html/index.html', nginx.NGINX_INDEX_1_21)
      fs.writeFile('/usr/share/nginx/html/50x.html', nginx.NGINX_50X)
      fs.mkdir('/etc/nginx/conf.d', { parents: true })
      fs.writeFile('/etc/nginx/conf.d/default.conf', nginx.NGINX_DEFAULT_CONF)
      fs.attach('/usr/bin/curl', fs.newFile('', 0o755, 'curl'))
      break
    case 'ubuntu':
      debian(fs, text.UBUNTU_OS_RELEASE)
      break
    case 'alpine':
      busybox(fs, true)
      fs.writeFile('/etc/os-release', text.alpineOsRelease('3.14.1'))
      fs.writeFile('/etc/alpine-release', '3.14.1\n')
      break
    case 'redis-alpine':
      busybox(fs, true)
      fs.writeFile('/etc/os-release', text.alpineOsRelease('3.11.6'))
      fs.writeFile('/etc/alpine-release', '3.11.6\n')
      fs.writeFile('/etc/passwd', text.ALPINE_PASSWD + 'redis:x:999:1000:Linux User,,,:/home/redis:/sbin/nologin\n')
      for (const name of ['redis-server', 'redis-cli', 'redis-benchmark', 'redis-check-aof', 'redis-check-rdb', 'redis-sentinel', 'docker-entrypoint.sh']) {
        fs.attach(`/usr/local/bin/${name}`, fs.newFile('', 0o755, name === 'redis-check-rdb' || name === 'redis-sentinel' ? 'redis-server' : name))
      }
      fs.mkdir('/data', { parents: true })
      break
    case 'busybox':
      busybox(fs, false)
      break
  }
  return fs
}
