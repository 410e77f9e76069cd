/**
 * The images the playground can "pull": what Docker Hub served for these
 * tags in the tutorial's time (August 2021). Cmd/Entrypoint/Env/ExposedPorts/
 * WorkingDir follow the official images' Dockerfiles of that time; sizes and
 * creation dates are close to the real ones; digests are stand-ins (see
 * digest.ts). Each image's root filesystem is described in rootfs.ts.
 */
import { sha256 } from './digest'
import type { RootfsKind } from './rootfs'

/** The image's container configuration (Engine API `ContainerConfig` subset). */
export interface ImageConfig {
  readonly Cmd: readonly string[] | null
  readonly Entrypoint: readonly string[] | null
  readonly Env: readonly string[]
  readonly ExposedPorts: readonly string[] // "8080/tcp"
  readonly WorkingDir: string
  /** VOLUME paths (an anonymous volume each, unless mounted over). */
  readonly Volumes?: readonly string[]
  /** One `docker history` line per Dockerfile instruction, oldest first (CREATED BY, size in bytes). */
  readonly History?: readonly (readonly [string, number])[]
}

export interface ImageLayer {
  /** sha256 of the compressed blob; pull progress shows its first 12 hex. */
  readonly digest: string
  /** Compressed size in bytes (download progress). */
  readonly size: number
  /** Layer chain id: `rmi` prints it as `Deleted: sha256:…`. */
  readonly chainId: string
}

export interface ImageSpec {
  /** Registry; Docker Hub when absent. */
  readonly domain?: string
  /** Repository as the user names it (`tomcat`, `redis`; the path for other registries). */
  readonly repository: string
  readonly tag: string
  readonly id: string // sha256:…
  /** Manifest digest of the tag (`Digest:` line of a pull). */
  readonly digest: string
  readonly created: string // RFC 3339, UTC
  /** Uncompressed size in bytes (`docker images` SIZE). */
  readonly size: number
  readonly layers: readonly ImageLayer[]
  readonly config: ImageConfig
  readonly rootfs: RootfsKind
}

const PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'

function layers(image: string, sizes: readonly number[]): ImageLayer[] {
  return sizes.map((size, i) => ({ digest: sha256(`${image} layer ${i}`), size, chainId: sha256(`${image} chain ${i}`) }))
}

export function spec(s: Omit<ImageSpec, 'id' | 'digest' | 'layers'> & { layerSizes: readonly number[] }): ImageSpec {
  const ref = `${s.domain ? `${s.domain}/` : ''}${s.repository}:${s.tag}`
  const { layerSizes, ...rest } = s
  return { ...rest, id: sha256(`${ref} config`), digest: sha256(`${ref} manifest`), layers: layers(ref, layerSizes) }
}

export const IMAGE_CATALOGUE: readonly ImageSpec[] = [
  spec({
    repository: 'tomcat',
    tag: 'latest',
    created: '2021-08-17T19:43:37.816213498Z',
    size: 667_921_843, // 668MB
    layerSizes: [54_927_682, 5_153_503, 10_871_962, 54_567_644, 5_420_106, 211, 202_986_742, 2_120, 12_793_418, 143],
    config: {
      Cmd: ['catalina.sh', 'run'],
      Entrypoint: null,
      Env: [
        'PATH=/usr/local/tomcat/bin:/usr/local/openjdk-11/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
        'JAVA_HOME=/usr/local/openjdk-11',
        'LANG=C.UTF-8',
        'JAVA_VERSION=11.0.12',
        'CATALINA_HOME=/usr/local/tomcat',
        'TOMCAT_NATIVE_LIBDIR=/usr/local/tomcat/native-jni-lib',
        'LD_LIBRARY_PATH=/usr/local/tomcat/native-jni-lib',
        'TOMCAT_MAJOR=10',
        'TOMCAT_VERSION=10.0.10',
      ],
      ExposedPorts: ['8080/tcp'],
      WorkingDir: '/usr/local/tomcat',
    },
    rootfs: 'tomcat',
  }),
  spec({
    repository: 'redis',
    tag: '5.0.9-alpine3.11',
    created: '2020-10-22T02:19:24.499238213Z',
    size: 29_837_245, // 29.8MB
    layerSizes: [2_813_316, 1_260, 392_454, 7_631_384, 134, 411],
    config: {
      Cmd: ['redis-server'],
      Entrypoint: ['docker-entrypoint.sh'],
      Env: [PATH, 'REDIS_VERSION=5.0.9', 'REDIS_DOWNLOAD_URL=http://download.redis.io/releases/redis-5.0.9.tar.gz'],
      ExposedPorts: ['6379/tcp'],
      WorkingDir: '/data',
      Volumes: ['/data'],
    },
    rootfs: 'redis-alpine',
  }),
  spec({
    repository: 'alpine',
    tag: 'latest',
    created: '2021-08-06T17:19:45.061665428Z',
    size: 5_595_292, // 5.6MB
    layerSizes: [2_814_446],
    config: { Cmd: ['/bin/sh'], Entrypoint: null, Env: [PATH], ExposedPorts: [], WorkingDir: '' },
    rootfs: 'alpine',
  }),
  spec({
    repository: 'busybox',
    tag: 'latest',
    created: '2021-07-28T00:19:51.437357235Z',
    size: 1_235_829, // 1.24MB
    layerSizes: [772_788],
    config: { Cmd: ['sh'], Entrypoint: null, Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], ExposedPorts: [], WorkingDir: '' },
    rootfs: 'busybox',
  }),
  spec({
    repository: 'nginx',
    tag: 'latest',
    created: '2021-08-17T20:55:26.287815946Z',
    size: 133_227_212, // 133MB
    layerSizes: [27_145_915, 26_576_471, 602, 895, 667, 1_394],
    config: {
      Cmd: ['nginx', '-g', 'daemon off;'],
      Entrypoint: ['/docker-entrypoint.sh'],
      Env: [PATH, 'NGINX_VERSION=1.21.1', 'NJS_VERSION=0.6.1', 'PKG_RELEASE=1~buster'],
      ExposedPorts: ['80/tcp'],
      WorkingDir: '',
    },
    rootfs: 'nginx',
  }),
  spec({
    repository: 'ubuntu',
    tag: 'latest',
    created: '2021-07-26T21:21:47.611279125Z',
    size: 72_776_046, // 72.8MB
    layerSizes: [28_566_930],
    config: { Cmd: ['bash'], Entrypoint: null, Env: [PATH], ExposedPorts: [], WorkingDir: '' },
    rootfs: 'ubuntu',
  }),
]
