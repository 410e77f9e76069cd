import { describe, expect, it } from 'vitest'
import { serveHttp } from '../../kernel/net/http'
import { tutorialTopology } from '../../../testing/net-topology'
import { runProgram } from '../../../testing/program-harness'

function world() {
  const t = tutorialTopology({ seed: 6 })
  const c = t.run('tomcat01')
  t.publish('tomcat01', 49153, 8080)
  const requests: string[] = []
  serveHttp(t.stack.sockets, c.ns, 8080, (req) => {
    requests.push(`${req.method} ${req.target} ${req.headers.map(([k, v]) => `${k}=${v}`).join(',')}`)
    return { status: 404, reason: '', headers: [['Content-Type', 'text/html;charset=utf-8'], ['Content-Length', '9']], body: 'Not Found' }
  })
  const curl = (...args: string[]) => runProgram(t.registry, t.hostSandbox, ['curl', ...args], { kernel: t.kernel })
  return { t, curl, requests }
}

describe('curl 7.68.0', () => {
  it('GETs a published port through DNAT and prints the body; -i adds the head', async () => {
    const { curl, requests } = world()
    expect(await curl('localhost:49153')).toMatchObject({ stdout: '', exitCode: 7 }) // OUTPUT's DOCKER jump excludes 127.0.0.0/8 and nothing listens on the host
    expect(await curl('172.17.0.3:49153')).toMatchObject({ stdout: 'Not Found', exitCode: 0 })
    expect(requests).toEqual(['GET / Host=172.17.0.3:49153,User-Agent=curl/7.68.0,Accept=*/*'])
    expect((await curl('-i', 'http://172.18.0.2:8080/x')).stdout).toBe('HTTP/1.1 404 \r\nContent-Type: text/html;charset=utf-8\r\nContent-Length: 9\r\n\r\nNot Found')
  })

  it('connection refused, unknown host, and the usage hint', async () => {
    const { curl } = world()
    expect(await curl('172.18.0.2:8081')).toMatchObject({ stderr: 'curl: (7) Failed to connect to 172.18.0.2 port 8081: Connection refused\n', exitCode: 7 })
    expect(await curl('http://nosuch/')).toMatchObject({ stderr: 'curl: (6) Could not resolve host: nosuch\n', exitCode: 6 })
    expect(await curl()).toMatchObject({ stderr: "curl: try 'curl --help' or 'curl --manual' for more information\n", exitCode: 2 })
  })
})
