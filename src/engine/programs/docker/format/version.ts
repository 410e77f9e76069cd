/** `docker version` (docker/cli 20.10 defaultVersionTemplate through a tabwriter of minwidth 20, padding 1; capture 000). */
import type { ServerVersion } from '../../../docker/api'
import { tabwrite } from './tabwriter'

/** This CLI: Debian's 20.10.24 build, as in capture 000. */
export const CLIENT_VERSION = {
  Version: '20.10.24+dfsg1',
  ApiVersion: '1.41',
  GoVersion: 'go1.19.8',
  GitCommit: '297e128',
  BuildTime: 'Thu May  7 21:09:36 2026',
  Os: 'linux',
  Arch: 'amd64',
  Context: 'default',
  Experimental: true,
} as const

export function formatVersion(server: ServerVersion): string {
  const c = CLIENT_VERSION
  const lines = [
    'Client:',
    ` Version:\t${c.Version}`,
    ` API version:\t${c.ApiVersion}`,
    ` Go version:\t${c.GoVersion}`,
    ` Git commit:\t${c.GitCommit}`,
    ` Built:\t${c.BuildTime}`,
    ` OS/Arch:\t${c.Os}/${c.Arch}`,
    ` Context:\t${c.Context}`,
    ` Experimental:\t${c.Experimental}`,
    '',
    'Server:',
    ' Engine:',
    `  Version:\t${server.Version}`,
    `  API version:\t${server.ApiVersion} (minimum version ${server.MinAPIVersion})`,
    `  Go version:\t${server.GoVersion}`,
    `  Git commit:\t${server.GitCommit}`,
    `  Built:\t${server.BuildTime}`,
    `  OS/Arch:\t${server.Os}/${server.Arch}`,
    `  Experimental:\t${server.Experimental}`,
  ]
  for (const comp of server.Components) lines.push(` ${comp.Name}:`, `  Version:\t${comp.Version}`, `  GitCommit:\t${comp.GitCommit}`)
  return tabwrite(lines.join('\n') + '\n', 20, 1)
}

export const versionLine = (): string => `Docker version ${CLIENT_VERSION.Version}, build ${CLIENT_VERSION.GitCommit}\n`
