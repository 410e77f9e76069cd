/**
 * serverLog()'s line format: "<pid>:<role> <dd Mon yyyy hh:mm:ss.mmm> <level> <msg>",
 * role C (before the server runs), M master, S replica; level `*` notice,
 * `#` warning. Times are UTC (the containers have no TZ).
 */
import { civilTime } from '../../lib/civil-time'

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

export function logTime(wallMs: number): string {
  const t = civilTime(wallMs)
  const p2 = (n: number): string => String(n).padStart(2, '0')
  return `${p2(t.d)} ${MONTHS[t.m - 1]} ${t.y} ${p2(t.h)}:${p2(t.mi)}:${p2(t.s)}.${String(t.ms).padStart(3, '0')}`
}

export type LogLevel = '*' | '#' | '-' | '.'

export function logLine(pid: number, role: 'C' | 'M' | 'S', wallMs: number, level: LogLevel, msg: string): string {
  return `${pid}:${role} ${logTime(wallMs)} ${level} ${msg}\n`
}

/** Redis 5.0.9's start-up banner lines after "Configuration loaded" (no TTY: no logo). */
export function startupWarnings(): string[] {
  return [
    'WARNING: The TCP backlog setting of 511 cannot be enforced because /proc/sys/net/core/somaxconn is set to the lower value of 128.',
  ]
}

export const OVERCOMMIT_WARNING =
  "WARNING overcommit_memory is set to 0! Background save may fail under low memory condition. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect."
export const THP_WARNING =
  "WARNING you have Transparent Huge Pages (THP) support enabled in your kernel. This will create latency and memory usage issues with Redis. To fix this issue run the command 'echo never > /sys/kernel/mm/transparent_hugepage/enabled' as root, and add it to your /etc/rc.local in order to retain the setting after a reboot. Redis must be restarted after THP is disabled."

/** The ASCII logo (redisAsciiArt) shown on a TTY or with always-show-logo. */
export function logo(version: string, port: number, pid: number, cluster: boolean): string {
  const mode = cluster ? 'cluster' : 'standalone'
  return [
    '                _._                                                  ',
    "           _.-``__ ''-._                                             ",
    `      _.-\`\`    \`.  \`_.  ''-._           Redis ${version} (00000000/0) 64 bit`,
    "  .-`` .-```.  ```\\/    _.,_ ''-._                                   ",
    ` (    '      ,       .-\`  | \`,    )     Running in ${mode} mode`,
    ` |\`-._\`-...-\` __...-.\`\`-._|'\` _.-'|     Port: ${port}`,
    ` |    \`-._   \`._    /     _.-'    |     PID: ${pid}`,
    "  `-._    `-._  `-./  _.-'    _.-'                                   ",
    " |`-._`-._    `-.__.-'    _.-'_.-'|                                  ",
    " |    `-._`-._        _.-'_.-'    |           http://redis.io        ",
    "  `-._    `-._`-.__.-'_.-'    _.-'                                   ",
    " |`-._`-._    `-.__.-'    _.-'_.-'|                                  ",
    " |    `-._`-._        _.-'_.-'    |                                  ",
    "  `-._    `-._`-.__.-'_.-'    _.-'                                   ",
    "      `-._    `-.__.-'    _.-'                                       ",
    "          `-._        _.-'                                           ",
    "              `-.__.-'                                               ",
    '',
  ].join('\n') + '\n'
}
