/** INFO (genRedisInfoString) sections the simulation can fill, 5.0's field set, and ROLE. */
import { array, bulk, int, type Reply } from './reply'
import type { ServerCore } from './types'

export function infoText(server: ServerCore, section: string, _db: number): string {
  const all = section === 'all' || section === 'default' || section === 'everything'
  const parts: string[] = []
  const want = (s: string): boolean => all || section === s
  const c = server.config
  const uptime = Math.floor(server.env.wall() / 1000) % 100000
  if (want('server'))
    parts.push(['# Server', 'redis_version:5.0.9', 'redis_git_sha1:00000000', 'redis_git_dirty:0', 'redis_build_id:6a8e4e5b7f9b2a3f', 'redis_mode:' + (c.clusterEnabled ? 'cluster' : 'standalone'), 'os:Linux 5.10.0-amd64 x86_64', 'arch_bits:64', 'multiplexing_api:epoll', 'atomicvar_api:atomic-builtin', 'gcc_version:9.2.0', `process_id:${server.env.pid}`, `run_id:${server.replid}`, `tcp_port:${c.port}`, `uptime_in_seconds:${uptime}`, `uptime_in_days:0`, 'hz:10', 'configured_hz:10', 'lru_clock:0', 'executable:/data/redis-server', 'config_file:/etc/redis/redis.conf'].join('\r\n'))
  if (want('clients')) parts.push(['# Clients', `connected_clients:${server.clients.size}`, 'client_recent_max_input_buffer:2', 'client_recent_max_output_buffer:0', 'blocked_clients:0'].join('\r\n'))
  if (want('replication')) parts.push(replication(server).join('\r\n'))
  if (want('cluster')) parts.push(['# Cluster', `cluster_enabled:${c.clusterEnabled ? 1 : 0}`].join('\r\n'))
  if (want('keyspace')) {
    const lines = ['# Keyspace']
    server.dbs.forEach((db, i) => {
      const n = db.size()
      if (n > 0) lines.push(`db${i}:keys=${n},expires=${db.names().filter((k) => db.pttl(k) >= 0).length},avg_ttl=0`)
    })
    parts.push(lines.join('\r\n'))
  }
  return parts.join('\r\n\r\n') + '\r\n'
}

function replication(server: ServerCore): string[] {
  const r = server.repl
  const lines = ['# Replication']
  if (r.masterHost) {
    lines.push('role:slave', `master_host:${r.masterHost}`, `master_port:${r.masterPort}`, `master_link_status:${r.linkUp ? 'up' : 'down'}`, `master_last_io_seconds_ago:${r.linkUp ? 1 : -1}`, 'master_sync_in_progress:0', `slave_repl_offset:${r.offset}`, 'slave_priority:100', 'slave_read_only:1')
  } else lines.push('role:master')
  lines.push(`connected_slaves:${r.replicas.size}`)
  let i = 0
  for (const rep of r.replicas.values()) lines.push(`slave${i++}:ip=${rep.ip},port=${rep.port},state=online,offset=${rep.offset},lag=0`)
  lines.push(`master_replid:${server.replid}`, 'master_replid2:0000000000000000000000000000000000000000', `master_repl_offset:${r.offset}`, 'second_repl_offset:-1', 'repl_backlog_active:1', 'repl_backlog_size:1048576', 'repl_backlog_first_byte_offset:1', `repl_backlog_histlen:${r.offset}`)
  return lines
}

export function roleReply(server: ServerCore): Reply {
  const r = server.repl
  if (r.masterHost) return array([bulk('slave'), bulk(r.masterHost), int(r.masterPort), bulk(r.linkUp ? 'connected' : 'connect'), int(r.offset)])
  return array([bulk('master'), int(r.offset), array([...r.replicas.values()].map((x) => array([bulk(x.ip), bulk(String(x.port)), bulk(String(x.offset))])))])
}
