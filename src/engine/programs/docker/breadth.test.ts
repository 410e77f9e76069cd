/** Container, image and volume command breadth (issue 4): goldens where a capture exists, behaviour otherwise. */
import { describe, expect, it } from 'vitest'
import { DockerHarness } from '../../../testing/docker-harness'
import { loadCapture, Normaliser } from '../../../testing/docker-golden'

async function host(): Promise<DockerHarness> {
  const h = new DockerHarness({ hostResolvConf: 'nameserver 172.17.0.3\n' })
  expect((await h.docker(['pull', 'tomcat'])).status).toBe(0)
  return h
}

describe('inspect', () => {
  it('container JSON has capture 104 key order and shape', async () => {
    const h = await host()
    await h.docker(['run', '-d', '-P', '--name', 'tomcat01', 'tomcat'])
    const run = await h.docker(['inspect', 'tomcat01'])
    expect(run.status).toBe(0)
    const keys = (text: string): string[] => [...text.matchAll(/^ *"(\w+)":/gm)].map((m) => m[1]!)
    // The capture's container is also on mynet (connected later): compare the keys up to Networks.bridge.
    const cut = (k: string[]): string[] => k.slice(0, k.lastIndexOf('DriverOpts') + 1)
    const theirs = cut(keys(loadCapture('104-inspect-tomcat01.txt').output))
    expect(cut(keys(run.stdout))).toEqual(theirs.slice(0, theirs.indexOf('DriverOpts') + 1))
    expect(run.stdout).toMatch(/^\[\n {4}\{\n {8}"Id": "[0-9a-f]{64}",\n/)
    const f = await h.docker(['inspect', '-f', '{{.State.Status}} {{.NetworkSettings.IPAddress}} {{json .NetworkSettings.Networks.bridge.IPAMConfig}}', 'tomcat01'])
    expect(f.stdout).toBe('running 172.18.0.2 null\n')
    const r = await h.docker(['inspect', '-f', '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}', 'tomcat01'])
    expect(r.stdout).toBe('172.18.0.2\n')
  })

  it('a missing object (232)', async () => {
    const h = new DockerHarness()
    const cap = loadCapture('232-inspect-missing.txt')
    const run = await h.docker(['inspect', 'nosuch'])
    expect(run.stdout + run.stderr).toBe(cap.output)
    expect(run.status).toBe(cap.status)
  })

  it('image inspect and history', async () => {
    const h = await host()
    const run = await h.docker(['image', 'inspect', '-f', '{{.Config.Cmd}} {{.Os}}', 'tomcat'])
    expect(run.stdout).toBe('[catalina.sh run] linux\n')
    const hist = await h.docker(['history', 'tomcat'])
    expect(hist.stdout.split('\n')[0]).toMatch(/^IMAGE {10}CREATED +CREATED BY {38}SIZE {6}COMMENT$/)
    expect(hist.stdout).toContain('/bin/sh -c #(nop)  CMD ["catalina.sh" "run"]    0B')
  })
})

describe('mounts and volumes', () => {
  it('bind mounts share nodes both ways and show in Mounts (198)', async () => {
    const h = new DockerHarness()
    await h.docker(['pull', 'redis:5.0.9-alpine3.11'])
    h.hostFs.mkdir('/mydata/redis/node-1/conf', { parents: true })
    h.hostFs.writeFile('/mydata/redis/node-1/conf/redis.conf', 'port 6379\n')
    const cap = loadCapture('198-inspect-redis-1-mounts.txt')
    const run = await h.docker(['run', '--name', 'redis-1', '-v', '/mydata/redis/node-1/data:/data', '-v', '/mydata/redis/node-1/conf/redis.conf:/etc/redis/redis.conf', '-d', 'redis:5.0.9-alpine3.11', 'redis-server', '/etc/redis/redis.conf'])
    expect(run.status).toBe(0)
    const c = h.daemon.listContainers()[0]!
    expect(c.rootfs.readFile('/etc/redis/redis.conf')).toBe('port 6379\n')
    c.rootfs.writeFile('/data/dump.rdb', 'x1')
    expect(h.hostFs.readFile('/mydata/redis/node-1/data/dump.rdb')).toBe('x1')
    const m = await h.docker(['inspect', '-f', '{{json .Mounts}}', 'redis-1'])
    expect(m.stdout).toBe(cap.output)
    expect((await h.docker(['volume', 'ls'])).stdout).toBe('DRIVER    VOLUME NAME\n') // /data was bound over: no anonymous volume
  })

  it('named volumes: create, ls, inspect, in-use rm, rm -v of anonymous ones, prune', async () => {
    const h = new DockerHarness()
    await h.docker(['pull', 'redis:5.0.9-alpine3.11'])
    expect((await h.docker(['volume', 'create', 'myvol'])).stdout).toBe('myvol\n')
    await h.docker(['run', '-d', '--name', 'r1', '-v', 'myvol:/data', 'redis:5.0.9-alpine3.11'])
    await h.docker(['run', '-d', '--name', 'r2', 'redis:5.0.9-alpine3.11'])
    const ls = (await h.docker(['volume', 'ls'])).stdout.split('\n')
    expect(ls[0]).toBe('DRIVER    VOLUME NAME')
    expect(ls).toHaveLength(4) // header, anonymous 64-hex, myvol, ''
    const r1 = h.daemon.listContainers().find((c) => c.Name === '/r1')!
    const rm = await h.docker(['volume', 'rm', 'myvol'])
    expect(rm.stderr).toBe(`Error response from daemon: remove myvol: volume is in use - [${r1.Id}]\n`)
    expect((await h.docker(['volume', 'inspect', '-f', '{{.Mountpoint}}', 'myvol'])).stdout).toBe('/var/lib/docker/volumes/myvol/_data\n')
    expect((await h.docker(['volume', 'inspect', 'nosuch'])).stderr).toBe('Error: No such volume: nosuch\n')
    await h.docker(['rm', '-f', '-v', 'r2'])
    expect((await h.docker(['volume', 'ls', '-q'])).stdout).toBe('myvol\n')
    await h.docker(['rm', '-f', 'r1'])
    const prune = await h.docker(['volume', 'prune', '-f'])
    expect(prune.stdout).toBe('Deleted Volumes:\nmyvol\n\nTotal reclaimed space: 0B\n')
  })
})

describe('lifecycle', () => {
  it('stop: tomcat exits 143, sleep as PID 1 ignores SIGTERM and is killed after the grace period (137)', async () => {
    const h = await host()
    await h.docker(['pull', 'alpine'])
    await h.docker(['run', '-d', '--name', 't1', 'tomcat'])
    await h.docker(['run', '-d', '--name', 's1', 'alpine', 'sleep', '1000'])
    const t0 = h.clock.now()
    expect((await h.docker(['stop', 't1', 's1'])).stdout).toBe('t1\ns1\n')
    expect(h.clock.now() - t0).toBeGreaterThanOrEqual(10_000)
    const ps = await h.docker(['ps', '-a', '--format', '{{.Names}} {{.Status}}'])
    expect(ps.stdout).toMatch(/^s1 Exited \(137\) Less than a second ago\nt1 Exited \(143\) \d+ seconds ago\n$/)
  })

  it('pause/unpause, kill -s, rename, restart, ps filters', async () => {
    const h = await host()
    await h.docker(['run', '-d', '--name', 'a1', 'tomcat'])
    await h.docker(['run', '-d', '--name', 'b1', 'tomcat'])
    expect((await h.docker(['pause', 'a1'])).stdout).toBe('a1\n')
    expect((await h.docker(['ps', '--format', '{{.Names}}: {{.Status}}', '-f', 'status=paused'])).stdout).toBe('a1: Up Less than a second (Paused)\n')
    const a = h.daemon.listContainers().find((c) => c.Name === '/a1')!
    expect((await h.docker(['exec', 'a1', 'ls'])).stderr).toBe(`Error response from daemon: Container ${a.Id} is paused, unpause the container before exec\n`)
    expect((await h.docker(['unpause', 'a1'])).stdout).toBe('a1\n')
    expect((await h.docker(['kill', '-s', 'TERM', 'b1'])).stdout).toBe('b1\n')
    await h.advance(200)
    expect((await h.docker(['ps', '-a', '-f', 'exited=143', '-q'])).stdout).toBe(h.daemon.listContainers().find((c) => c.Name === '/b1')!.Id.slice(0, 12) + '\n')
    expect((await h.docker(['kill', 'b1'])).stderr).toMatch(/^Error response from daemon: Cannot kill container: b1: Container [0-9a-f]{64} is not running\n$/)
    expect((await h.docker(['kill', '-s', 'FOO', 'a1'])).stderr).toBe('Error response from daemon: Invalid signal: FOO\n')
    expect((await h.docker(['rename', 'b1', 'c1'])).status).toBe(0)
    expect((await h.docker(['restart', 'c1'])).stdout).toBe('c1\n')
    expect((await h.docker(['ps', '--format', '{{.Names}}', '-f', 'name=^/c1$'])).stdout).toBe('c1\n')
    expect((await h.docker(['ps', '-f', 'foo=bar'])).stderr).toBe("Error response from daemon: Invalid filter 'foo'\n")
  })

  it('restart policy always brings an exited container back', async () => {
    const h = new DockerHarness()
    await h.docker(['pull', 'alpine'])
    await h.docker(['run', '-d', '--restart', 'always', '--name', 'x1', 'alpine', 'true'])
    await h.advance(1000)
    const c = h.daemon.listContainers()[0]!
    expect(c.RestartCount).toBeGreaterThan(0)
    expect((await h.docker(['run', '--rm', '--restart', 'always', 'alpine'])).stderr).toBe("docker: Conflicting options: --restart and --rm.\nSee 'docker run --help'.\n")
  })

  it('logs, top, stats, create/start -a, help and usage', async () => {
    const h = await host()
    await h.docker(['pull', 'alpine'])
    await h.docker(['create', '--name', 'e1', 'alpine', 'echo', 'hi'])
    expect((await h.docker(['start', '-a', 'e1'])).stdout).toBe('hi\n')
    expect((await h.docker(['logs', 'e1'])).stdout).toBe('hi\n')
    await h.docker(['run', '-d', '--name', 't1', 'tomcat'])
    await h.advance(2000)
    const tail = await h.docker(['logs', '--tail', '1', 't1'])
    expect(tail.stderr).toMatch(/Server startup in \[\d+\] milliseconds\n$/)
    expect((await h.docker(['top', 't1'])).stdout.split('\n')[0]).toBe('UID                 PID                 PPID                C                   STIME               TTY                 TIME                CMD')
    const stats = (await h.docker(['stats', '--no-stream'])).stdout.split('\n')
    expect(stats[0]).toBe('CONTAINER ID   NAME      CPU %     MEM USAGE / LIMIT     MEM %     NET I/O     BLOCK I/O     PIDS')
    expect((await h.docker(['pause'])).stderr).toBe('"docker pause" requires at least 1 argument.\nSee \'docker pause --help\'.\n\nUsage:  docker pause CONTAINER [CONTAINER...]\n\nPause all processes within one or more containers\n')
    expect((await h.docker(['rename', 'x1'])).stderr.split('\n')[0]).toBe('"docker rename" requires exactly 2 arguments.')
    expect((await h.docker(['volume'])).stdout).toContain('Usage:  docker volume COMMAND')
    expect((await h.docker(['kill', '--help'])).stdout).toContain('  -s, --signal string   Signal to send to the container (default "KILL")')
  })
})

describe('images', () => {
  it('tag and images after tag (154, 155 by cells), rmi of a tag (157)', async () => {
    const h = await host()
    const n = new Normaliser()
    for (const file of ['154-tag-image.txt', '157-rmi-tag.txt']) {
      const cap = loadCapture(file)
      if (file.startsWith('157')) {
        const images = await h.docker(['images', '--format', '{{.Repository}}:{{.Tag}}'])
        expect(images.stdout).toBe('mytomcat:v1\ntomcat:latest\n')
      }
      const run = await h.docker(cap.command.split(/\s+/).slice(1))
      expect(n.apply(run.stdout + run.stderr)).toBe(n.apply(cap.output))
      expect(run.status).toBe(cap.status)
    }
    expect((await h.docker(['images', '--digests'])).stdout.split('\n')[0]).toMatch(/^REPOSITORY {3}TAG {7}DIGEST {68}IMAGE ID {7}CREATED +SIZE$/)
    expect((await h.docker(['pull', '-q', 'tomcat'])).stdout).toBe('docker.io/library/tomcat:latest\n')
    expect((await h.docker(['pull', 'nosuchimage'])).stderr).toBe("Error response from daemon: pull access denied for nosuchimage, repository does not exist or may require 'docker login': denied: requested access to the resource is denied\n")
  })
})
