/**
 * docker-proxy (libnetwork's userland proxy, on by default in 20.10): for each
 * published TCP port the daemon also listens on the host itself and relays
 * each connection to the container. The DNAT rules catch traffic from outside
 * and to the host's own addresses, but not to 127.0.0.1 — the OUTPUT rule has
 * `! -d 127.0.0.0/8` — so `curl localhost:49153` on the host is served here.
 */
import type { Ipv4 } from '../../lib/ipv4'
import type { SocketApi, TcpConnection, TcpListener } from '../kernel/net/sockets'
import type { NetNamespace } from '../kernel/net/types'

export class UserlandProxy {
  private listeners = new Map<string, TcpListener[]>()

  constructor(
    private readonly sockets: SocketApi,
    private readonly host: NetNamespace,
  ) {}

  /** Starts relaying host port → container ip:port for a container's TCP binding. */
  add(containerId: string, hostPort: number, containerIp: Ipv4, containerPort: number): void {
    let listener: TcpListener
    try {
      listener = this.sockets.tcpListen(this.host, { port: hostPort })
    } catch {
      return // the port is bound by something else on the host; the DNAT rules still serve other addresses
    }
    listener.onConnection((client) => void this.relay(client, containerIp, containerPort))
    this.listeners.set(containerId, [...(this.listeners.get(containerId) ?? []), listener])
  }

  remove(containerId: string): void {
    for (const l of this.listeners.get(containerId) ?? []) l.close()
    this.listeners.delete(containerId)
  }

  private async relay(client: TcpConnection, ip: Ipv4, port: number): Promise<void> {
    // Listeners stay registered for the connection's life, so each forwards to
    // the upstream once it exists and buffers until then.
    let upstream: TcpConnection | undefined
    const early: string[] = []
    let clientClosed = false
    client.onData((data) => (upstream ? upstream.send(data) : early.push(data)))
    client.onClose(() => {
      clientClosed = true
      upstream?.close()
    })
    try {
      upstream = await this.sockets.tcpConnect(this.host, { address: ip, port })
    } catch {
      client.close() // the container refused or is gone: the client sees the connection end
      return
    }
    for (const data of early.splice(0)) upstream.send(data)
    if (clientClosed) return upstream.close()
    upstream.onData((data) => client.send(data))
    upstream.onClose(() => client.close())
  }
}
