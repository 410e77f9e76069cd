/** Unit tests of the Redis core: slots, reply formatting, commands, config errors, CLUSTER NODES text. */
import { describe, expect, it } from 'vitest'
import { keySlot } from './crc16'
import { formatRaw, formatTty, array, bulk, int, NIL, error, status } from './reply'
import { Keyspace, globMatch } from './keyspace'
import { COMMANDS, arityOk, unknownCommand } from './commands'
import { fatalConfigText, parseConfig } from './config'
import { ClusterState, newNode } from './cluster-state'
import { logTime } from './log'

const run = (db: Keyspace, now: number, ...argv: string[]) => COMMANDS[argv[0]!]!.run!(db, argv, now)

describe('hash slots (README fact 13)', () => {
  it.each([
    ['k1', 12706],
    ['a', 15495],
    ['', 0],
    ['{user}:1', 5474],
    ['{}foo', 9500],
    ['foo{}{bar}', 8363],
    ['{user1000}.following', 3443],
  ])('%j → %i', (key, slot) => expect(keySlot(key)).toBe(slot))
})

describe('redis-cli reply formatting (fact 12)', () => {
  it('TTY: quoted strings, (integer), (nil), (error), 5.0’s empty list, nested arrays with aligned indices', () => {
    expect(formatTty(bulk('v1'))).toBe('"v1"\n')
    expect(formatTty(bulk('a"b\n'))).toBe('"a\\"b\\n"\n')
    expect(formatTty(int(1))).toBe('(integer) 1\n')
    expect(formatTty(NIL)).toBe('(nil)\n')
    expect(formatTty(error('MOVED 12706 172.38.0.13:6379'))).toBe('(error) MOVED 12706 172.38.0.13:6379\n')
    expect(formatTty(array([]))).toBe('(empty list or set)\n')
    expect(formatTty(array([]), '7')).toBe('(empty array)\n')
    const slots = array([array([int(0), int(5460), array([bulk('172.38.0.11'), int(6379), bulk('id1')])])])
    expect(formatTty(slots)).toBe('1) 1) (integer) 0\n   2) (integer) 5460\n   3) 1) "172.38.0.11"\n      2) (integer) 6379\n      3) "id1"\n')
    const ten = array(Array.from({ length: 10 }, (_, i) => bulk(String(i))))
    expect(formatTty(ten).split('\n')[0]).toBe(' 1) "0"')
  })
  it('piped: bare values; nil is an empty line; an error keeps its text', () => {
    expect(formatRaw(bulk('v1'))).toBe('v1')
    expect(formatRaw(NIL)).toBe('')
    expect(formatRaw(status('OK'))).toBe('OK')
    expect(formatRaw(array([bulk('a'), bulk('b')]))).toBe('a\nb')
    expect(formatRaw(error('MOVED 1 x:1'))).toBe('MOVED 1 x:1\n')
  })
})

describe('keyspace commands', () => {
  it('SET options, GET, INCR, EXPIRE/TTL on the virtual clock', () => {
    let now = 1000
    const db = new Keyspace(() => now)
    expect(run(db, now, 'set', 'k', 'v', 'nx')).toEqual(status('OK'))
    expect(run(db, now, 'set', 'k', 'w', 'nx')).toEqual(NIL)
    expect(run(db, now, 'set', 'k', 'w', 'xx', 'ex', '10')).toEqual(status('OK'))
    expect(run(db, now, 'ttl', 'k')).toEqual(int(10))
    now += 10_000
    expect(run(db, now, 'get', 'k')).toEqual(NIL)
    expect(run(db, now, 'ttl', 'k')).toEqual(int(-2))
    expect(run(db, now, 'incr', 'n')).toEqual(int(1))
    expect(run(db, now, 'incrby', 'n', '41')).toEqual(int(42))
    run(db, now, 'set', 's', 'x')
    expect(run(db, now, 'incr', 's')).toEqual(error('ERR value is not an integer or out of range'))
    expect(run(db, now, 'lpush', 's', 'x')).toEqual(error('WRONGTYPE Operation against a key holding the wrong kind of value'))
    expect(run(db, now, 'set', 'k', 'v', 'bogus')).toEqual(error('ERR syntax error'))
  })
  it('MSET/MGET, DEL, EXISTS, KEYS, DBSIZE, hashes, lists, sets', () => {
    const db = new Keyspace(() => 0)
    run(db, 0, 'mset', 'a', '1', 'b', '2')
    expect(run(db, 0, 'mget', 'a', 'b', 'c')).toEqual(array([bulk('1'), bulk('2'), NIL]))
    expect(run(db, 0, 'exists', 'a', 'b', 'c')).toEqual(int(2))
    expect(run(db, 0, 'keys', '*')).toEqual(array([bulk('a'), bulk('b')]))
    expect(run(db, 0, 'del', 'a', 'c')).toEqual(int(1))
    expect(run(db, 0, 'dbsize')).toEqual(int(1))
    expect(run(db, 0, 'hset', 'h', 'f', 'v', 'g', 'w')).toEqual(int(2))
    expect(run(db, 0, 'hget', 'h', 'g')).toEqual(bulk('w'))
    expect(run(db, 0, 'rpush', 'l', 'x', 'y')).toEqual(int(2))
    expect(run(db, 0, 'lrange', 'l', '0', '-1')).toEqual(array([bulk('x'), bulk('y')]))
    expect(run(db, 0, 'sadd', 'st', 'm', 'm', 'n')).toEqual(int(2))
    expect(run(db, 0, 'scard', 'st')).toEqual(int(2))
  })
  it('arity and 5.0’s unknown-command text', () => {
    expect(arityOk(COMMANDS.get!, 2)).toBe(true)
    expect(arityOk(COMMANDS.get!, 3)).toBe(false)
    expect(unknownCommand(['foo', 'bar'], '5')).toEqual(error('ERR unknown command `foo`, with args beginning with: `bar`, '))
    expect(unknownCommand(['foo', 'bar'], '7')).toEqual(error("ERR unknown command 'foo', with args beginning with: 'bar' "))
  })
  it('glob patterns as stringmatchlen()', () => {
    expect(globMatch('k*', 'k1')).toBe(true)
    expect(globMatch('h?llo', 'hallo')).toBe(true)
    expect(globMatch('h[^e]llo', 'hello')).toBe(false)
    expect(globMatch('h[a-b]llo', 'hbllo')).toBe(true)
  })
})

describe('config', () => {
  it('reads the tutorial’s file and --name value arguments', () => {
    const r = parseConfig('port 6379\nbind 0.0.0.0\ncluster-enabled yes\ncluster-node-timeout 5000\nappendonly yes\n', ['--cluster-announce-ip', '172.38.0.11'])
    expect(r.ok && r.config.clusterEnabled && r.config.clusterNodeTimeout === 5000 && r.config.announceIp === '172.38.0.11').toBe(true)
  })
  it('a bad directive is the FATAL CONFIG FILE ERROR', () => {
    const r = parseConfig('port 6379\nfoo bar\n', [])
    expect(r.ok).toBe(false)
    if (!r.ok) expect(fatalConfigText(r)).toBe("\n*** FATAL CONFIG FILE ERROR ***\nReading the configuration file, at line 2\n>>> 'foo bar'\nBad directive or wrong number of arguments\n")
    const y = parseConfig('appendonly maybe\n', [])
    if (!y.ok) expect(y.reason).toBe("argument must be 'yes' or 'no'")
  })
})

describe('cluster state text', () => {
  it('CLUSTER NODES lines and nodes.conf (facts 7, 8)', () => {
    const cl = new ClusterState('a'.repeat(40))
    const me = newNode(cl.myId, '172.38.0.11', 6379, 16379)
    me.configEpoch = 1
    cl.nodes.set(me.id, me)
    for (let s = 0; s <= 5460; s++) cl.slots[s] = me.id
    expect(cl.nodeLine(me, 1_629_970_659_123, '5')).toBe(`${me.id} 172.38.0.11:6379@16379 myself,master - 0 1629970659000 1 connected 0-5460`)
    const fresh = new ClusterState('b'.repeat(40))
    fresh.nodes.set(fresh.myId, newNode(fresh.myId))
    expect(fresh.confText(0, '5')).toBe(`${'b'.repeat(40)} :0@0 myself,master - 0 0 0 connected\nvars currentEpoch 0 lastVoteEpoch 0\n`)
    const loaded = new ClusterState('')
    expect(loaded.load(cl.confText(0, '5'))).toBe(true)
    expect(loaded.slotsOf(me.id)).toHaveLength(5461)
  })
  it('log times are UTC with milliseconds', () => {
    expect(logTime(Date.UTC(2021, 7, 26, 9, 37, 39, 470))).toBe('26 Aug 2021 09:37:39.470')
  })
})
