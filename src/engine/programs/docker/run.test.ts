import { describe, expect, it } from 'vitest'
import { DockerHarness } from '../../../testing/docker-harness'

describe('docker run attached', () => {
  it('-it runs the command on the caller TTY in its own foreground group, then gives the terminal back', async () => {
    const h = new DockerHarness()
    await h.docker(['pull', 'tomcat'])
    const before = h.tty.foregroundPgid
    const r = await h.docker(['run', '-it', '--rm', 'tomcat', 'hostname'], { tty: true })
    expect(r.status).toBe(0)
    expect(r.tty).toMatch(/^[0-9a-f]{12}\n$/)
    expect(h.tty.foregroundPgid).toBe(r.process.pgid) // the harness made docker the foreground job; it is again
    expect(before).not.toBe(r.process.pgid)
    expect(h.daemon.listContainers()).toHaveLength(0)
  })

  it('streams the main process output and forwards ^C (sig-proxy): tomcat exits 130', async () => {
    const h = new DockerHarness()
    await h.docker(['pull', 'tomcat'])
    const run = h.docker(['run', '--name', 'fg', 'tomcat'], { tty: true, maxMs: 3000 })
    const r = await run
    expect(r.status).toBeUndefined() // still attached after 3 s
    expect(r.tty).toContain('org.apache.catalina.startup.Catalina.start Server startup in [')
    h.tty.input('\x03')
    await h.advance(500)
    expect(r.process.exitCode).toBe(130)
    expect(h.daemon.listContainers()[0]!.State).toMatchObject({ Status: 'exited', ExitCode: 130 })
  })

  it('prints the id first when start fails, and leaves the container Created (fact 20)', async () => {
    const h = new DockerHarness()
    await h.docker(['pull', 'tomcat'])
    await h.docker(['run', '-d', '-p', '6372:8080', '--name', 'one', 'tomcat'])
    const r = await h.docker(['run', '-d', '-p', '6372:8080', '--name', 'two', 'tomcat'])
    expect(r.status).toBe(125)
    expect(r.stdout).toMatch(/^[0-9a-f]{64}\n$/)
    expect(r.stderr).toMatch(/^docker: Error response from daemon: driver failed programming external connectivity on endpoint two \([0-9a-f]{64}\): Bind for 0\.0\.0\.0:6372 failed: port is already allocated\.\n$/)
    const ps = await h.docker(['ps', '-a'])
    expect(ps.stdout.split('\n')[1]).toMatch(/Created\s+two$/)
    expect(h.net.host.links().filter((l) => l.kind === 'veth')).toHaveLength(1)
  })

  it('a missing executable exits 127 with runc words', async () => {
    const h = new DockerHarness()
    await h.docker(['pull', 'tomcat'])
    const r = await h.docker(['run', 'tomcat', 'nosuchcmd'])
    expect(r.status).toBe(127)
    expect(r.stderr).toContain('exec: "nosuchcmd": executable file not found in $PATH: unknown.\n')
    const e = await h.docker(['exec', (await h.docker(['run', '-d', 'tomcat'])).stdout.trim(), 'nosuchcmd'])
    expect(e.status).toBe(126)
  })
})
