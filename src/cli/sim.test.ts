import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseScript, runScript } from './sim'

const part1 = readFileSync(new URL('../testing/scripts/part1.sh', import.meta.url), 'utf8')

describe('headless runner', () => {
  it('parses directives and refuses unknown ones', () => {
    expect(parseScript('ping x\n#! wait 3\n#! ctrl-c\n#! ctrl-d\n#! tab\n')).toEqual([
      { kind: 'line', text: 'ping x' },
      { kind: 'wait', seconds: 3 },
      { kind: 'keys', data: '\x03' },
      { kind: 'keys', data: '\x04' },
      { kind: 'keys', data: '\t' },
    ])
    expect(() => parseScript('#! jump 3')).toThrow(/unknown directive "#! jump"/)
    expect(() => parseScript('#! wait soon')).toThrow(/needs a number/)
  })

  it('replays Part 1 byte for byte under the same seed, and differently under another', async () => {
    const a = await runScript(part1, { seed: 5, cols: 200 })
    const b = await runScript(part1, { seed: 5, cols: 200 })
    const c = await runScript(part1, { seed: 6, cols: 200 })
    expect(a).toBe(b)
    expect(a).not.toBe(c)
    expect(a).toContain('root@docker-host:~# ping 172.18.0.2')
    // `ping` then `#! wait 3` then `#! ctrl-c`: requests at 0, 1 and 2 s (the first leaves a
    // moment after the command starts, so the fourth is not due yet when ^C comes at 3 s).
    expect(a.match(/^64 bytes from 172\.18\.0\.2: icmp_seq=\d+ /gm)).toHaveLength(3)
    expect(a).toMatch(/\^C\n--- 172\.18\.0\.2 ping statistics ---\n3 packets transmitted, 3 received, 0% packet loss/)
  })
})
