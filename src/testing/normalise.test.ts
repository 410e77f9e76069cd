import { describe, expect, it } from 'vitest'
import { Normaliser } from './normalise'

describe('Normaliser', () => {
  const a = `5: vethcc44d31@if4: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue master docker0 state UP group default 
    link/ether fa:02:d2:ee:e4:6a brd ff:ff:ff:ff:ff:ff link-netnsid 0
    inet6 fe80::f802:d2ff:feee:e46a/64 scope link 
       valid_lft forever preferred_lft forever`
  it('names run-specific values and keeps the rest', () => {
    const n = new Normaliser(new Set(['veth-name', 'veth-mac', 'link-local']))
    expect(n.normalise(a)).toBe(`5: <veth-name#1>@if4: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue master docker0 state UP group default 
    link/ether <veth-mac#1> brd ff:ff:ff:ff:ff:ff link-netnsid 0
    inet6 <link-local#1>/64 scope link 
       valid_lft forever preferred_lft forever`)
  })
  it('keeps cross-references: a repeated value must repeat, distinct ones stay distinct', () => {
    const fields = new Set(['ifindex', 'veth-name'] as const)
    const same = (x: string, y: string) => new Normaliser(fields).normalise(x) === new Normaliser(fields).normalise(y)
    expect(same('7: vethaaaaaaa@if6: <UP>\n6: eth0@if7: <UP>', '9: vethbbbbbbb@if8: <UP>\n8: eth0@if9: <UP>')).toBe(true)
    expect(same('7: vethaaaaaaa@if6: <UP>\n6: eth0@if7: <UP>', '9: vethbbbbbbb@if8: <UP>\n8: eth0@if10: <UP>')).toBe(false)
  })
  it('leaves a field alone when it is not asked to normalise it', () => {
    expect(new Normaliser(new Set()).normalise(a)).toBe(a)
  })
})
