/**
 * The tutorial's Part 5 (WALKTHROUGH.md T24–T31): a six-node Redis Cluster
 * typed into the host terminal, compared with the tutorial's 5.0.9 outputs
 * after normalising node ids (40 hex), times and the number of join dots.
 */
import { REDIS_CONFIG_BLOCK, redisRunBlock } from '../share/lessons/tutorial-blocks'
import { beforeAll, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { createTestHost, type TestHost } from '../testing/host'
import { keySlot } from './redis/crc16'

const ESC = String.fromCharCode(27)
const strip = (s: string): string => s.split(ESC).map((part, i) => (i === 0 ? part : part.replace(/^\[[0-9;]*m/, ''))).join('')
const ids = (s: string): string => s.replace(/\b[0-9a-f]{40}\b/g, '<id>')


const CONFIG_BLOCK = REDIS_CONFIG_BLOCK
const runBlock = redisRunBlock

const CREATE_TRANSCRIPT = `>>> Performing hash slots allocation on 6 nodes...
Master[0] -> Slots 0 - 5460
Master[1] -> Slots 5461 - 10922
Master[2] -> Slots 10923 - 16383
Adding replica 172.38.0.15:6379 to 172.38.0.11:6379
Adding replica 172.38.0.16:6379 to 172.38.0.12:6379
Adding replica 172.38.0.14:6379 to 172.38.0.13:6379
M: <id> 172.38.0.11:6379
   slots:[0-5460] (5461 slots) master
M: <id> 172.38.0.12:6379
   slots:[5461-10922] (5462 slots) master
M: <id> 172.38.0.13:6379
   slots:[10923-16383] (5461 slots) master
S: <id> 172.38.0.14:6379
   replicates <id>
S: <id> 172.38.0.15:6379
   replicates <id>
S: <id> 172.38.0.16:6379
   replicates <id>
Can I set the above configuration? (type 'yes' to accept): `

const AFTER_YES = `>>> Nodes configuration updated
>>> Assign a different config epoch to each node
>>> Sending CLUSTER MEET messages to join the cluster
Waiting for the cluster to join
<dots>
>>> Performing Cluster Check (using node 172.38.0.11:6379)
`

describe('tutorial Part 5: a Redis Cluster', () => {
  let host: TestHost
  beforeAll(async () => {
    host = await createTestHost({ seed: 2021 })
  })

  it('T24 docker network create redis', async () => {
    expect((await host.run('docker network create redis --subnet 172.38.0.0/16')).output).toMatch(/^[0-9a-f]{64}\n$/)
  })

  it('T25 the config script writes six redis.conf files', async () => {
    for (const line of CONFIG_BLOCK.split('\n')) await host.run(line)
    expect((await host.run('cat /mydata/redis/node-4/conf/redis.conf')).output).toContain('cluster-announce-ip 172.38.0.14\n')
  })

  it('T26 six redis-server containers start and log 5.0.9’s banner', async () => {
    for (let n = 1; n <= 6; n++) {
      let out = ''
      for (const line of runBlock(n).split('\n')) out = (await host.run(line)).output
      expect(out.trim().split('\n').at(-1)).toMatch(/^[0-9a-f]{64}$/)
    }
    const logs = (await host.run('docker logs redis-1')).output
    expect(logs).toMatch(/^1:C \d\d \w{3} \d{4} [\d:.]+ # oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo\n/)
    expect(logs).toContain('# Redis version=5.0.9, bits=64, commit=00000000, modified=0, pid=1, just started\n')
    expect(logs).toMatch(/\* No cluster configuration found, I'm [0-9a-f]{40}\n/)
    // 5.0.9's order: cluster init, then the mode line, the backlog warning, "Server initialized", the memory warnings.
    expect(logs.split('\n').map((l) => l.replace(/^1:[CM] \d\d \w{3} \d{4} [\d:.]+ /, '').replace(/I'm [0-9a-f]{40}/, "I'm <id>").slice(0, 60))).toEqual([
      '# oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo',
      '# Redis version=5.0.9, bits=64, commit=00000000, modified=0, pid=1, just started',
      '# Configuration loaded',
      "* No cluster configuration found, I'm <id>",
      '* Running mode=cluster, port=6379.',
      '# WARNING: The TCP backlog setting of 511 cannot be enforced because /proc/sys/net/core/somaxconn is set to the lower value of 128.',
      '# Server initialized',
      '# WARNING overcommit_memory is set to 0! Background save may fail under low memory condition.',
      '# WARNING you have Transparent Huge Pages (THP) support enabled in your kernel.',
      '* Ready to accept connections',
      '',
    ].map((l) => l.slice(0, 60)))
    expect(logs).toMatch(/\* Ready to accept connections\n$/)
  })

  it('T27 docker exec -it redis-1 /bin/sh: /data holds appendonly.aof and nodes.conf', async () => {
    await host.run('docker exec -it redis-1 /bin/sh')
    expect((await host.run('pwd')).output).toBe('/data\n')
    expect((await host.run('ls')).output).toBe('appendonly.aof  nodes.conf\n')
  })

  it('T28 redis-cli --cluster create … --cluster-replicas 1, answered yes', async () => {
    await host.start('redis-cli --cluster create 172.38.0.11:6379 172.38.0.12:6379 172.38.0.13:6379 172.38.0.14:6379 172.38.0.15:6379 172.38.0.16:6379 --cluster-replicas 1')
    await host.advance(200)
    const preview = ids(strip(host.session.rawOutput().replace(/\r\n/g, '\n')))
    expect(preview.slice(preview.lastIndexOf('>>> Performing hash'))).toBe(CREATE_TRANSCRIPT)
    // TERM=xterm*: `>>>` lines bold, the reset after the newline (fact 4).
    expect(host.session.rawOutput()).toContain(`${ESC}[29;1m>>> Performing hash slots allocation on 6 nodes...\r\n${ESC}[0mMaster[0] -> Slots 0 - 5460`)
    const { output } = await host.run('yes', { maxMs: 60_000 })
    expect(host.session.rawOutput()).toContain(`${ESC}[32;1m[OK] All 16384 slots covered.\r\n${ESC}[0m`)
    const typed = "(type 'yes' to accept): yes\n"
    const answered = output.slice(output.indexOf(typed) + typed.length)
    const text = ids(strip(answered)).replace(/^Waiting for the cluster to join\n\.*\n/m, 'Waiting for the cluster to join\n<dots>\n')
    expect(text.slice(0, AFTER_YES.length)).toBe(AFTER_YES)
    const check = text.slice(AFTER_YES.length).split('\n')
    expect(check.filter((l) => /^M: <id> 172\.38\.0\.1[123]:6379$/.test(l))).toHaveLength(3)
    expect(check.filter((l) => l === '   slots: (0 slots) slave')).toHaveLength(3)
    expect(check.filter((l) => l === '   1 additional replica(s)')).toHaveLength(3)
    expect(check.slice(-5).join('\n')).toBe('[OK] All nodes agree about slots configuration.\n>>> Check for open slots...\n>>> Check slots coverage...\n[OK] All 16384 slots covered.\n')
  })

  it('T29 redis-cli; CLUSTER nodes: six lines in Redis’s format', async () => {
    // Creating again: the first node already knows others (README fact 5), exit status 1.
    const again = await host.run('redis-cli --cluster create 172.38.0.11:6379 172.38.0.12:6379 172.38.0.13:6379 172.38.0.14:6379 172.38.0.15:6379 172.38.0.16:6379 --cluster-replicas 1')
    expect(strip(again.output)).toBe('[ERR] Node 172.38.0.11:6379 is not empty. Either the node already knows other nodes (check with CLUSTER NODES) or contains some key in database 0.\n')
    expect((await host.run('echo $?')).output).toBe('1\n')
    // Each address is parsed, connected and checked in turn, so a bad first address is reported first.
    expect((await host.run('redis-cli --cluster create 172.38.0.11 172.38.0.12:6379 --cluster-replicas 1')).output).toBe('Invalid address format: 172.38.0.11\n')
    await host.advance(5000) // the learner types the next command; gossip spreads the replicas' roles meanwhile
    await host.run('redis-cli')
    const out = (await host.run('CLUSTER  nodes')).output.trim().split('\n')
    expect(out).toHaveLength(6)
    const line = /^[0-9a-f]{40} 172\.38\.0\.1[1-6]:6379@16379 (myself,)?(master - 0 \d+ [1-3] connected \d+-\d+|slave [0-9a-f]{40} 0 \d+ [4-6] connected)$/
    for (const l of out) expect(l).toMatch(line)
    expect(out.filter((l) => l.includes('myself,master'))[0]).toMatch(/ 1 connected 0-5460$/)
    await host.run('quit')
  })

  it('T30 redis-cli -c: set k1 v1 is redirected to slot 12706 on 172.38.0.13; the prompt follows', async () => {
    await host.run('redis-cli -c')
    const set = await host.run('set k1 v1')
    expect(set.output).toBe('-> Redirected to slot [12706] located at 172.38.0.13:6379\nOK\n')
    expect(set.raw.endsWith('172.38.0.13:6379> ')).toBe(true)
    expect((await host.run('get k1 ')).output).toBe('"v1"\n')
    // Errors as 5.0 words them (README facts 13 and the 5.0 differences).
    expect((await host.run('mset k1 x k2 y')).output).toBe("(error) CROSSSLOT Keys in request don't hash to the same slot\n")
    expect((await host.run('foo bar')).output).toBe('(error) ERR unknown command `foo`, with args beginning with: `bar`, \n')
    expect((await host.run('get')).output).toBe("(error) ERR wrong number of arguments for 'get' command\n")
    expect((await host.run('select 1')).output).toBe('(error) ERR SELECT is not allowed in cluster mode\n')
    expect((await host.run('cluster keyslot {user}:1')).output).toBe('(integer) 5474\n')
    expect((await host.run('keys *')).output).toBe('1) "k1"\n')
    await host.run('quit')
    // One-shot, piped: the raw MOVED and an empty line, exit status 0 (fact 10); with -c only the reply (fact 11).
    expect((await host.run('redis-cli get k1 | cat')).output).toBe('MOVED 12706 172.38.0.13:6379\n\n')
    expect((await host.run('redis-cli -c get k1')).output).toBe('"v1"\n')
    // 5.0's disk-based first sync leaves dump.rdb next to the AOF and nodes.conf (README, 5.0 differences).
    expect((await host.run('ls')).output).toBe('appendonly.aof  dump.rdb  nodes.conf\n')
  })

  it('capture 40 (redis-cli -c session) replayed: same replies, redirects and prompts, in 5.0’s words', async () => {
    const capture = readFileSync(new URL('../testing/refs/redis/40-redis-cli-c-interactive.txt', import.meta.url), 'utf8')
    const lines = capture
      .replace(/127\.0\.0\.1(\d)\b/g, '172.38.0.1$1')
      .split('\n')
      .slice(capture.split('\n').findIndex((l) => l === '/data # redis-cli -c'))
    const isPrompt = (l: string): boolean => /^(\S+:\d+|not connected)> /.test(l) || l.startsWith('/data # ')
    let checked = 0
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!
      if (!isPrompt(line) || line === '/data # ') continue
      const typed = line.slice(line.indexOf(line.startsWith('/data # ') ? '# ' : '> ') + 2)
      let j = i + 1
      while (j < lines.length && !isPrompt(lines[j]!)) j++
      let expected = lines.slice(i + 1, j).join('\n') + (j > i + 1 ? '\n' : '')
      const next = lines[j] ?? ''
      const result = await host.run(typed)
      // Version and hash-order differences (README): 5.0's unknown-command wording; KEYS/CLUSTER NODES order and ids.
      expected = expected.replace(/ERR unknown command '([^']*)', with args beginning with: (.*)$/m, (_m, c: string, rest: string) => `ERR unknown command \`${c}\`, with args beginning with: ${[...rest.matchAll(/'([^']*)' /g)].map((a) => `\`${a[1]}\`, `).join('')}`)
      if (/^(keys|cluster nodes)/i.test(typed)) {
        expect(result.output.trim().split('\n').length).toBe(expected.trim().split('\n').length)
      } else expect([typed, result.output]).toEqual([typed, expected])
      const prompt = next.startsWith('/data # ') ? '/data # ' : next.slice(0, next.indexOf('> ') + 2)
      expect(result.raw.endsWith(prompt)).toBe(true)
      checked++
    }
    expect(checked).toBeGreaterThan(40)
  })

  it('T31 docker stop redis-3: the replica 172.38.0.14 is promoted within the measured window; redis-3 rejoins as its replica', async () => {
    await host.run('exit')
    const t0 = host.session.world.now()
    await host.run('docker stop redis-3', { maxMs: 20_000 })
    // Right after the stop the bus link is down but nothing is flagged yet (README fact 14).
    const early = (await host.run('docker exec -it redis-1 redis-cli cluster nodes')).output
    expect(early).toMatch(/ 172\.38\.0\.13:6379@16379 master - \d+ \d+ 3 disconnected 10923-16383\n/)
    expect((await host.run('docker exec -it redis-1 redis-cli cluster info')).output).toContain('cluster_state:ok')
    // By 9 s (the measured recovery is ~8.3 s) the promoted replica answers.
    await host.advance(9000 - (host.session.world.now() - t0))
    expect((await host.run('docker exec -it redis-1 redis-cli -c get k1')).output).toBe('"v1"\n')
    const nodes = (await host.run('docker exec -it redis-1 redis-cli cluster nodes')).output
    expect(nodes).toMatch(/ 172\.38\.0\.13:6379@16379 master,fail - \d+ \d+ 3 disconnected\n/)
    expect(nodes).toMatch(/ 172\.38\.0\.14:6379@16379 master - 0 \d+ 7 connected 10923-16383\n/)
    const log1 = (await host.run('docker logs redis-1')).output
    expect(log1).toMatch(/ \* (Marking node [0-9a-f]{40} as failing \(quorum reached\)\.|FAIL message received from [0-9a-f]{40} about [0-9a-f]{40})\n/)
    expect(log1).toMatch(/ # Failover auth granted to [0-9a-f]{40} for epoch 7\n/)
    const log4 = (await host.run('docker logs redis-4')).output
    expect(log4).toMatch(/# Start of election delayed for \d+ milliseconds \(rank #0, offset \d+\)\.\n/)
    expect(log4).toContain("# Failover election won: I'm the new master.\n")
    expect(log4).toContain('# configEpoch set to 7 after successful failover\n')
    // A session opened on the dead node: hiredis's message, then the `not connected>` prompt (fact 14). The
    // stopped container's address fails only when the neighbour entry does (musl's "Host is unreachable").
    const dead = await host.run('docker exec -it redis-1 redis-cli -h 172.38.0.13', { maxMs: 200_000 })
    expect(dead.output).toBe('Could not connect to Redis at 172.38.0.13:6379: Host is unreachable\n')
    expect(dead.raw.endsWith('not connected> ')).toBe(true)
    await host.run('quit')
    await host.run('docker start redis-3')
    await host.advance(8_000)
    const after = (await host.run('docker exec -it redis-1 redis-cli cluster nodes')).output
    expect(after).toMatch(/ 172\.38\.0\.13:6379@16379 slave [0-9a-f]{40} 0 \d+ 3 connected\n/)
    const log3 = (await host.run('docker logs redis-3')).output
    expect(log3).toMatch(/\* Node configuration loaded, I'm [0-9a-f]{40}\n/)
    expect(log3).toMatch(/Configuration change detected\. Reconfiguring myself as a replica of [0-9a-f]{40}\n/)
    expect((await host.run('docker exec -it redis-3 redis-cli -c get k1')).output).toBe('"v1"\n')
  })

  it('keyslots.tsv: every key hashes to the real server’s slot', () => {
    const tsv = readFileSync(new URL('../testing/refs/redis/keyslots.tsv', import.meta.url), 'utf8')
    const rows = tsv.split('\n').filter((l) => l !== '' && !l.startsWith('#'))
    expect(rows.length).toBeGreaterThan(150)
    for (const row of rows) {
      const tab = row.lastIndexOf('\t')
      expect([row.slice(0, tab), keySlot(row.slice(0, tab))]).toEqual([row.slice(0, tab), Number(row.slice(tab + 1))])
    }
  })
})
