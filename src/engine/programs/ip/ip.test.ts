import { describe, expect, it } from 'vitest'
import { tutorialTopology } from '../../../testing/net-topology'
import { runProgram } from '../../../testing/program-harness'
import { parseIp } from './parse'

describe('ip argument parsing', () => {
  it('matches objects and commands by prefix, in iproute2 table order', () => {
    expect(parseIp(['ip', 'a', 's', 'eth0'])).toMatchObject({ ok: true, command: { kind: 'addr-show', filter: { dev: 'eth0' } } })
    expect(parseIp(['ip', 'r'])).toMatchObject({ ok: true, command: { kind: 'route-show' } })
    expect(parseIp(['ip', 'n'])).toMatchObject({ ok: true, command: { kind: 'neigh-show' } })
    expect(parseIp(['ip', 'l'])).toMatchObject({ ok: true, command: { kind: 'link-show' } })
    expect(parseIp(['ip', '-br', '-4', 'a'])).toMatchObject({ ok: true, options: { brief: true, family: 'inet' } })
  })
  it('gives the real errors', () => {
    expect(parseIp(['ip', 'foo'])).toEqual({ ok: false, stderr: 'Object "foo" is unknown, try "ip help".\n', exitCode: 1 })
    expect(parseIp(['ip', '-x', 'a'])).toEqual({ ok: false, stderr: 'Option "-x" is unknown, try "ip -help".\n', exitCode: 255 })
    expect(parseIp(['ip', 'addr', 'show', 'dev'])).toEqual({ ok: false, stderr: 'Command line is not complete. Try option "help"\n', exitCode: 255 })
  })
})

describe('ip on the tutorial host', () => {
  it('T2: host ip addr shows lo, eth0 172.17.0.3/20 and docker0 NO-CARRIER', async () => {
    const t = tutorialTopology()
    const r = await runProgram(t.registry, t.hostSandbox, ['ip', 'addr'], { kernel: t.kernel })
    const docker0 = t.networks.get('bridge')!.bridge.mac
    expect(r.stdout).toBe(`1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000
    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
    inet 127.0.0.1/8 scope host lo
       valid_lft forever preferred_lft forever
    inet6 ::1/128 scope host 
       valid_lft forever preferred_lft forever
2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc pfifo_fast state UP group default qlen 1000
    link/ether 52:54:00:cc:34:ff brd ff:ff:ff:ff:ff:ff
    inet 172.17.0.3/20 brd 172.17.15.255 scope global eth0
       valid_lft forever preferred_lft forever
    inet6 fe80::5054:ff:fecc:34ff/64 scope link 
       valid_lft forever preferred_lft forever
3: docker0: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state DOWN group default 
    link/ether ${docker0} brd ff:ff:ff:ff:ff:ff
    inet 172.18.0.1/16 brd 172.18.255.255 scope global docker0
       valid_lft forever preferred_lft forever
`)
    const route = await runProgram(t.registry, t.hostSandbox, ['ip', 'route'], { kernel: t.kernel })
    expect(route.stdout).toBe('default via 172.17.15.253 dev eth0 \n172.17.0.0/20 dev eth0 proto kernel scope link src 172.17.0.3 \n172.18.0.0/16 dev docker0 proto kernel scope link src 172.18.0.1 linkdown \n')
  })

  it('T4/T6: container eth0@ifM and host vethX@ifN cross-reference', async () => {
    const t = tutorialTopology()
    const a = t.run('tomcat01').attachments[0]!
    t.advance(3000)
    const inside = await runProgram(t.registry, t.containers.get('tomcat01')!.sandbox, ['ip', 'addr'], { kernel: t.kernel })
    const host = await runProgram(t.registry, t.hostSandbox, ['ip', 'addr'], { kernel: t.kernel })
    expect(inside.stdout).toContain(`${a.eth.ifindex}: eth0@if${a.hostVeth.ifindex}: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default \n    link/ether 02:42:ac:12:00:02 brd ff:ff:ff:ff:ff:ff link-netnsid 0\n`)
    expect(host.stdout).toContain(`${a.hostVeth.ifindex}: ${a.hostVeth.name}@if${a.eth.ifindex}: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue master docker0 state UP group default \n`)
    expect(inside.stdout).not.toContain('inet6')
  })
})
