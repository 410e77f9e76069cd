/** print_hosts: `%-15s %s` then ` alias` for each alias. */
import type { HostEnt } from './run'

export function formatHostEnt(h: HostEnt): string {
  return `${h.address.padEnd(15)} ${[h.name, ...h.aliases].join(' ')}\n`
}
