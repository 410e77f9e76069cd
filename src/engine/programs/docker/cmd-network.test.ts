import { describe, expect, it } from 'vitest'
import { consolidateIpam, naturalLess } from './cmd-network'

describe('CLI consolidateIpam', () => {
  it('pairs gateways and ranges with their subnet, with docker/cli words', () => {
    expect(consolidateIpam(['10.0.0.0/16'], ['10.0.1.0/24'], ['10.0.0.254'])).toEqual([{ Subnet: '10.0.0.0/16', IPRange: '10.0.1.0/24', Gateway: '10.0.0.254' }])
    expect(() => consolidateIpam(['10.0.0.0/16'], ['10.9.0.0/24'], [])).toThrow('no matching subnet for range 10.9.0.0/24')
    expect(() => consolidateIpam(['10.0.0.0/16', '10.0.1.0/24'], [], [])).toThrow('multiple overlapping subnet configuration is not supported')
  })
})

describe('network ls order', () => {
  it('sorts names naturally, as docker/cli does', () => {
    const names = ['auto10', 'auto2', 'bridge', 'auto1']
    expect(names.sort((a, b) => (naturalLess(a, b) ? -1 : naturalLess(b, a) ? 1 : 0))).toEqual(['auto1', 'auto2', 'auto10', 'bridge'])
  })
})
