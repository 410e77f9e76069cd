/**
 * The Docker daemon: containers and their lifecycle on top of the image
 * service and the network controller. It never formats terminal text; it
 * answers typed data or throws `DockerError` with Docker's own messages.
 * Every operation takes the virtual time real-docker-timings.md measured.
 */
import type { FileSystem } from '../kernel/fs/fs'
import type { NetworkStack } from '../kernel/net/types'
import type { Process } from '../kernel/proc/process'
import type { OutputStream } from '../kernel/proc/streams'
import type { VirtualClock } from '../sim/clock'
import type { Prng } from '../sim/random'
import type { ContainerCreateRequest, ContainerListOptions, ContainerSummary, DockerApi, ExecRequest, ProcessStdio, ServerVersion } from './api'
import { isRunning, type Container } from './container'
import { buildContainer, nameConflict, validateName } from './container-create'
import { removeContainerFiles } from './container-files'
import { ContainerLifecycle } from './container-lifecycle'
import { listContainers, type FilterContext } from './container-list'
import { containerJson } from './container-json'
import { ContainerOps } from './container-ops'
import { historyOf, imageJson } from './image-json'
import { applyMounts, planMounts } from './mounts'
import { noSuchVolume, VolumeStore } from './volumes'
import { DockerError, noSuchContainer } from './errors'
import { generateId } from './ids'
import { ImageService } from './image-service'
import type { ImageSpec } from './image-catalogue'
import type { Endpoint, Network } from './network'
import { NetworkController } from './networks'
import { ContainerNetworking, type EndpointConfig } from './container-network'
import { EmbeddedDns } from './dns'
import { NetworkService } from './network-api'
import type { NetworkCreateRequest } from './network-create'
import { nameservers, type DnsClient } from '../kernel/net/resolver'
import { udpDnsClient } from '../kernel/net/dns'
import { generateName } from './names'
import { PortAllocator } from './ports'
import type { PullMessage } from './pull'
import { withDefaultTag, parseReference, familiarString } from './reference'
import type { ContainerRuntime } from './runtime'
import { DEFAULT_EPOCH_MS } from './time'
import { DAEMON_TIMING } from './timings'
import { SERVER_VERSION } from './version'

export interface DockerDaemonDeps {
  readonly clock: VirtualClock
  readonly random: Prng
  readonly net: NetworkStack
  /** The host's filesystem: /etc/resolv.conf is read from it, /var/lib/docker written to it. */
  readonly hostFs: FileSystem
  /** The host's hostname (containers with `--net host` share it). */
  readonly hostname: string
  readonly runtime: ContainerRuntime
  /** Unix epoch ms at virtual time 0 (default: the tutorial's August 2021). */
  readonly epochMs?: number
  /** The images registries serve (default IMAGE_CATALOGUE; tests add a local registry). */
  readonly catalogue?: readonly ImageSpec[]
  /** How the embedded DNS asks the host's resolvers (default: UDP queries from the host's namespace). */
  readonly upstreamDns?: DnsClient
}

export class DockerDaemon implements DockerApi {
  private readonly containers: Container[] = []
  readonly images: ImageService
  readonly networks: NetworkController
  readonly ports = new PortAllocator()
  readonly dns: EmbeddedDns
  readonly networking: ContainerNetworking
  private readonly netApi: NetworkService
  private readonly lifecycle: ContainerLifecycle
  readonly volumes: VolumeStore
  private readonly ops: ContainerOps
  private readonly epochMs: number

  constructor(private readonly d: DockerDaemonDeps) {
    this.epochMs = d.epochMs ?? DEFAULT_EPOCH_MS
    this.networks = new NetworkController({ stack: d.net, random: d.random, now: () => this.systemTime() })
    this.dns = new EmbeddedDns({ stack: d.net, networks: () => this.networks.networks, upstream: d.upstreamDns ?? udpDnsClient(d.net.sockets, d.clock, d.random), hostNameservers: () => nameservers(d.hostFs) })
    const find = (ref: string): Container => this.find(ref)
    this.networking = new ContainerNetworking({ stack: d.net, hostFs: d.hostFs, hostname: d.hostname, networks: this.networks, ports: this.ports, dns: this.dns, find })
    this.netApi = new NetworkService({ networks: this.networks, networking: this.networking, find, containers: () => this.containers })
    this.images = new ImageService({
      ...(d.catalogue ? { catalogue: d.catalogue } : {}),
      containers: () => this.containers,
      isRunning,
      delay: (ms) => this.delay(ms),
      at: (ms, fire) => void this.d.clock.setTimer(ms, fire),
    })
    this.lifecycle = new ContainerLifecycle({
      ...d,
      networking: this.networking,
      now: () => this.systemTime(),
      onExit: (c) => {
        if (c.HostConfig.AutoRemove) void this.delay(DAEMON_TIMING.removeMs).then(() => this.forget(c))
        this.ops.onExit(c)
      },
    })
    this.volumes = new VolumeStore({ hostFs: d.hostFs, now: () => this.systemTime(), containers: () => this.containers })
    this.ops = new ContainerOps({
      clock: d.clock,
      find: (ref) => this.find(ref),
      containers: () => this.containers,
      delay: (ms) => this.delay(ms),
      now: () => this.systemTime(),
      start: (c) => this.startContainer(c, {}),
      stop: (c, t) => this.containerStop(c.Id, t),
    })
  }

  private delay(ms: number): Promise<void> {
    return new Promise((resolve) => this.d.clock.setTimer(ms, resolve))
  }

  systemTime(): number {
    return this.epochMs + this.d.clock.now()
  }

  version(): ServerVersion {
    return SERVER_VERSION
  }

  /** moby GetContainer: full id, then exact name, then a unique id prefix. */
  private find(ref: string): Container {
    const byId = this.containers.find((c) => c.Id === ref)
    if (byId) return byId
    const name = ref.startsWith('/') ? ref : `/${ref}`
    const byName = this.containers.find((c) => c.Name === name)
    if (byName) return byName
    if (/^[0-9a-f]+$/.test(ref)) {
      const matches = this.containers.filter((c) => c.Id.startsWith(ref))
      if (matches.length > 1) throw new DockerError('invalidParameter', `multiple IDs found with provided prefix: ${ref}`)
      if (matches[0]) return matches[0]
    }
    throw noSuchContainer(ref)
  }

  async containerCreate(request: ContainerCreateRequest): Promise<{ Id: string }> {
    await this.delay(DAEMON_TIMING.apiMs)
    const image = this.images.store.get(request.image)
    if (!image) {
      let text = request.image
      try {
        text = familiarString(withDefaultTag(parseReference(request.image)))
      } catch {
        // an invalid reference is reported as is
      }
      throw new DockerError('notFound', `No such image: ${text}`, 'image', text)
    }
    if (request.name !== undefined) {
      validateName(request.name)
      const name = request.name.replace(/^\//, '')
      const holder = this.containers.find((c) => c.Name === `/${name}`)
      if (holder) throw nameConflict(name, holder)
    }
    const mounts = planMounts(request.binds ?? [], image.spec.config.Volumes ?? [])
    await this.delay(DAEMON_TIMING.createMs)
    const id = generateId(this.d.random)
    const name = request.name?.replace(/^\//, '') ?? generateName(this.d.random, (n) => this.containers.some((c) => c.Name === `/${n}`), id)
    const holder = this.containers.find((c) => c.Name === `/${name}`)
    if (holder) throw nameConflict(name, holder) // taken while we were creating
    const mount = (rootfs: FileSystem) => applyMounts({ hostFs: this.d.hostFs, volumes: this.volumes, anonymousName: () => generateId(this.d.random) }, rootfs, mounts)
    const container = buildContainer({ id, name, image, request, created: this.systemTime(), hostFs: this.d.hostFs, now: () => this.d.clock.now(), mount })
    try {
      this.netApi.configure(container, request)
    } catch (error) {
      removeContainerFiles(this.d.hostFs, id)
      throw error
    }
    this.containers.push(container)
    return { Id: id }
  }

  async containerStart(ref: string, stdio: ProcessStdio = {}): Promise<Process | undefined> {
    const c = this.find(ref)
    if (isRunning(c) && c.State.Status !== 'restarting') return c.process
    c.State.ManuallyStopped = false
    return this.startContainer(c, stdio)
  }

  private async startContainer(c: Container, stdio: ProcessStdio): Promise<Process | undefined> {
    await this.delay(DAEMON_TIMING.startMs)
    try {
      return this.lifecycle.start(c, stdio)
    } catch (error) {
      // moby daemon/start.go: the error is kept and a failed start exits 128 unless the runtime said otherwise.
      c.State.Error = error instanceof Error ? error.message : String(error)
      if (c.State.ExitCode === 0) c.State.ExitCode = 128
      throw error
    }
  }

  async containerStop(ref: string, timeoutSeconds = DAEMON_TIMING.stopGraceMs / 1000): Promise<void> {
    const c = this.find(ref)
    c.State.ManuallyStopped = true
    if (c.State.Status === 'restarting') c.State.Status = 'exited'
    if (!isRunning(c) || !c.process) return // 304 Not Modified: the CLI still echoes the name
    await this.lifecycle.stop(c, timeoutSeconds * 1000)
    await this.delay(DAEMON_TIMING.teardownMs)
  }

  async containerRemove(ref: string, options: { force?: boolean; volumes?: boolean } = {}): Promise<void> {
    const c = this.find(ref)
    await this.delay(DAEMON_TIMING.apiMs)
    if (isRunning(c)) {
      if (!options.force) {
        throw new DockerError('conflict', `You cannot remove a running container ${c.Id}. Stop the container before attempting removal or force remove`)
      }
      c.process?.signal('SIGKILL')
      await this.waitStopped(c)
      await this.delay(DAEMON_TIMING.teardownMs)
    }
    await this.delay(DAEMON_TIMING.removeMs)
    this.forget(c)
    if (options.volumes) for (const m of c.Mounts) if (m.Name !== undefined && this.volumes.get(m.Name)?.anonymous) this.volumes.remove(m.Name)
  }

  private forget(c: Container): void {
    const i = this.containers.indexOf(c)
    if (i < 0) return
    this.containers.splice(i, 1)
    c.State.Status = 'removing'
    removeContainerFiles(this.d.hostFs, c.Id)
    for (const w of c.removalWaiters.splice(0)) w(c.State.ExitCode)
  }

  private waitStopped(c: Container): Promise<number> {
    if (!isRunning(c)) return Promise.resolve(c.State.ExitCode)
    return new Promise((resolve) => c.waiters.push(resolve))
  }

  private readonly filterContext: FilterContext = {
    imageId: (ref) => this.images.store.get(ref)?.id,
    imageSize: (id) => this.images.store.get(id)?.spec.size ?? 0,
  }

  async containerList(options: ContainerListOptions = {}): Promise<ContainerSummary[]> {
    await this.delay(DAEMON_TIMING.apiMs)
    return listContainers(this.containers, options, this.filterContext)
  }

  async containerInspect(ref: string): Promise<Container> {
    await this.delay(DAEMON_TIMING.apiMs)
    return this.find(ref)
  }

  containerAttach(ref: string, sink: { stdout: OutputStream; stderr: OutputStream }): () => void {
    const c = this.find(ref)
    c.attached.add(sink)
    return () => c.attached.delete(sink)
  }

  containerWait(ref: string, condition: 'next-exit' | 'not-running' | 'removed' = 'not-running'): Promise<number> {
    const c = this.find(ref)
    if (condition === 'removed') return new Promise((resolve) => c.removalWaiters.push(resolve))
    if (condition === 'not-running' && !isRunning(c)) return Promise.resolve(c.State.ExitCode)
    return new Promise((resolve) => c.waiters.push(resolve))
  }

  async containerExec(ref: string, request: ExecRequest): Promise<Process> {
    const c = this.find(ref)
    if (!isRunning(c)) throw new DockerError('conflict', `Container ${c.Id} is not running`)
    if (c.State.Status === 'paused') throw new DockerError('conflict', `Container ${c.Id} is paused, unpause the container before exec`)
    await this.delay(DAEMON_TIMING.execMs)
    if (!isRunning(c)) throw new DockerError('conflict', `Container ${c.Id} is not running`)
    return this.lifecycle.exec(c, request)
  }

  containerKill = (ref: string, signal?: string) => this.ops.kill(ref, signal)
  containerPause = (ref: string) => this.ops.pause(ref)
  containerUnpause = (ref: string) => this.ops.unpause(ref)
  containerRestart = (ref: string, timeoutSeconds?: number) => this.ops.restart(ref, timeoutSeconds)
  containerRename = (ref: string, newName: string) => this.ops.rename(ref, newName)
  containerTop = (ref: string) => this.ops.top(ref)
  containerStats = (ref: string) => this.ops.stats(ref)
  containerInspectJson = async (ref: string) => {
    const c = await this.containerInspect(ref)
    return containerJson(c, this.images.store.get(c.Image))
  }
  imageInspectJson = async (ref: string) => imageJson(this.images.localImage(ref, await this.delay(DAEMON_TIMING.apiMs)))
  imageHistory = async (ref: string) => historyOf(this.images.localImage(ref, await this.delay(DAEMON_TIMING.apiMs)))
  volumeCreate = async (name?: string, labels: Record<string, string> = {}) => {
    await this.delay(DAEMON_TIMING.apiMs)
    return this.volumes.create(name ?? generateId(this.d.random), { labels, anonymous: name === undefined })
  }
  volumeList = async () => [...this.volumes.list()]
  volumeInspect = async (name: string) => this.volumes.get(name) ?? Promise.reject(noSuchVolume(name))
  volumeRemove = async (name: string, force = false) => this.volumes.remove(name, force)
  volumePrune = async () => this.volumes.prune()

  imageList = async () => {
    await this.delay(DAEMON_TIMING.apiMs)
    return this.images.list()
  }
  imageInspect = async (ref: string) => {
    await this.delay(DAEMON_TIMING.apiMs)
    return this.images.inspect(ref)
  }
  imagePull = (ref: string, onMessage: (m: PullMessage) => void) => this.images.pull(ref, onMessage)
  imageRemove = (ref: string, options: { force?: boolean } = {}) => this.images.remove(ref, options.force ?? false)
  imageTag = (source: string, target: string) => this.images.tag(source, target)

  async networkList(): Promise<Network[]> {
    await this.delay(DAEMON_TIMING.apiMs)
    return [...this.networks.networks].sort((a, b) => (a.Name < b.Name ? -1 : a.Name > b.Name ? 1 : 0))
  }

  async networkInspect(ref: string): Promise<Network> {
    await this.delay(DAEMON_TIMING.apiMs)
    const net = this.networks.find(ref)
    if (!net) throw new DockerError('notFound', `network ${ref} not found`, 'network', ref)
    return net
  }

  listContainers(): readonly Container[] {
    return this.containers
  }
  listNetworks(): readonly Network[] {
    return this.networks.networks
  }
  /** The network endpoints answer after the API's latency (network-api.ts does the work). */
  private afterApi<T>(work: () => T): Promise<T> {
    return this.delay(DAEMON_TIMING.apiMs).then(work)
  }
  networkCreate = (request: NetworkCreateRequest): Promise<Network> => this.afterApi(() => this.netApi.create(request))
  networkRemove = (ref: string): Promise<void> => this.afterApi(() => this.netApi.remove(ref))
  networkConnect = (network: string, container: string, config: EndpointConfig = {}): Promise<void> => this.afterApi(() => this.netApi.connect(network, container, config))
  networkDisconnect = (network: string, container: string, force = false): Promise<void> => this.afterApi(() => this.netApi.disconnect(network, container, force))
  networkPrune = (): Promise<string[]> => this.afterApi(() => this.netApi.prune())
  /** Network → ids of the containers with an endpoint on it (for the UI's records). */
  networkMembership(): { network: Network; containerIds: string[] }[] {
    return this.netApi.membership()
  }

  listEndpoints(): readonly Endpoint[] {
    return this.networks.networks.flatMap((n) => [...n.endpoints.values()])
  }
}

/** Convenience for the composition root. */
export function createDockerDaemon(deps: DockerDaemonDeps): DockerDaemon {
  return new DockerDaemon(deps)
}

