/**
 * The daemon's network endpoints (Engine API /networks/…) and the
 * networking part of container create, in front of the controller and
 * ContainerNetworking: create, remove, connect, disconnect, prune; the
 * create-time checks of moby's validateNetContainerMode and registerLinks
 * (fact 15, 23), and the NetworkSettings.Networks entry of a new container.
 */
import type { ContainerCreateRequest } from './api'
import type { Container } from './container'
import { endpointSettings, type ContainerNetworking, type EndpointConfig } from './container-network'
import { DockerError } from './errors'
import { hostConfigLink, parseLink } from './links'
import { isUserDefined, type Network } from './network'
import type { NetworkCreateRequest } from './network-create'
import type { NetworkController } from './networks'

export interface NetworkServiceDeps {
  readonly networks: NetworkController
  readonly networking: ContainerNetworking
  readonly find: (ref: string) => Container
  readonly containers: () => readonly Container[]
}

export class NetworkService {
  constructor(private readonly d: NetworkServiceDeps) {}

  private network(ref: string): Network {
    const net = this.d.networks.find(ref)
    if (!net) throw new DockerError('notFound', `network ${ref} not found`, 'network', ref)
    return net
  }

  create(req: NetworkCreateRequest): Network {
    return this.d.networks.create(req)
  }

  remove(ref: string): void {
    this.d.networks.remove(this.network(ref))
  }

  connect(networkRef: string, containerRef: string, config: EndpointConfig = {}): void {
    const net = this.network(networkRef)
    this.d.networking.connect(this.d.find(containerRef), net, config)
  }

  disconnect(networkRef: string, containerRef: string, force = false): void {
    const c = this.d.find(containerRef)
    this.d.networking.disconnect(c, this.network(networkRef), force)
  }

  /** NetworksPrune: user networks without endpoints, in creation order; their names. */
  prune(): string[] {
    const unused = this.d.networks.networks.filter((n) => isUserDefined(n) && n.endpoints.size === 0)
    for (const n of unused) this.d.networks.remove(n)
    return unused.map((n) => n.Name)
  }

  /**
   * The networking of a new container: validateNetContainerMode, links
   * (the targets must exist), `--hostname`, and the Networks entry of its
   * network mode (`--ip`/`--network-alias` only with an explicit network:
   * with no `--net`, 20.10 ignores them, capture 080/085).
   */
  configure(c: Container, req: ContainerCreateRequest): void {
    const mode = c.HostConfig.NetworkMode
    const shared = mode.startsWith('container:')
    const links = req.links ?? []
    if (shared) {
      if (req.hostname) throw new DockerError('invalidParameter', 'conflicting options: hostname and the network mode')
      if (links.length > 0) throw new DockerError('invalidParameter', "conflicting options: container type network can't be used with links. This would result in undefined behavior")
      if (c.HostConfig.PublishAllPorts || Object.keys(c.HostConfig.PortBindings).length > 0) throw new DockerError('invalidParameter', 'conflicting options: port publishing and the container type network mode')
    }
    if (mode === 'host' && links.length > 0) throw new DockerError('invalidParameter', "conflicting options: host type networking can't be used with links. This would result in undefined behavior")
    if (req.hostname) {
      ;(c.Config as { Hostname: string }).Hostname = req.hostname
      c.files.hostname.content = `${req.hostname}\n`
    }
    if (!isUserDefined(this.d.networks.find(mode) ?? this.d.networks.forMode('default'))) {
      const stored = links.map((text) => {
        const { name, alias } = parseLink(text)
        let child: Container
        try {
          child = this.d.find(name)
        } catch (e) {
          throw new DockerError('invalidParameter', `could not get container for ${name}: ${e instanceof Error ? e.message : String(e)}`)
        }
        if (child.HostConfig.NetworkMode === 'host') throw new DockerError('invalidParameter', 'conflicting options: host type networking can\'t be used with links. This would result in undefined behavior')
        return hostConfigLink(child, c.Name, alias)
      })
      ;(c.HostConfig as { Links: readonly string[] }).Links = stored
    }
    if (shared) return
    const net = this.d.networks.find(mode === 'default' ? 'bridge' : mode)
    if (!net) return // a missing network fails at start (capture 099)
    const explicit = mode !== 'default'
    const config: EndpointConfig = explicit ? { ...(req.ipv4Address ? { ipv4Address: req.ipv4Address } : {}), ...(req.aliases ? { aliases: req.aliases } : {}) } : {}
    const settings = endpointSettings(net, config, false)
    if (isUserDefined(net) && links.length > 0) settings.Links = links.map((l) => `${parseLink(l).name}:${parseLink(l).alias}`)
    c.NetworkSettings.Networks.set(net.Name, settings)
  }

  /** Which networks each container is on (for the UI's records). */
  membership(): { network: Network; containerIds: string[] }[] {
    return this.d.networks.networks.map((network) => ({ network, containerIds: [...network.endpoints.keys()] }))
  }
}
