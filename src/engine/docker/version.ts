/** The daemon's `docker version` data: the stack of capture 000 (Debian's 20.10.24 build). */
import type { ServerVersion } from './api'

export const SERVER_VERSION: ServerVersion = {
  Version: '20.10.24+dfsg1',
  ApiVersion: '1.41',
  MinAPIVersion: '1.12',
  GoVersion: 'go1.19.8',
  GitCommit: '5d6db84',
  BuildTime: 'Thu May  7 21:09:36 2026',
  Os: 'linux',
  Arch: 'amd64',
  Experimental: false,
  Components: [
    { Name: 'containerd', Version: '1.6.20~ds1', GitCommit: '1.6.20~ds1-1+deb12u3' },
    { Name: 'runc', Version: '1.1.5+ds1', GitCommit: '1.1.5+ds1-1+deb12u1' },
    { Name: 'docker-init', Version: '0.19.0', GitCommit: '' },
  ],
}
