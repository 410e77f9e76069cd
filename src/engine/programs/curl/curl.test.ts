import { describe, expect, it } from 'vitest'
import { serveHttp } from '../../kernel/net/http'
import { tutorialTopology } from '../../../testing/net-topology'
import { runProgram } from '../../../testing/program-harness'
import { max5, progressLine, PROGRESS_HEAD, writeOut } from './format'
import { parseCurl } from './parse'

function world() {
  const t = tutorialTopology({ seed: 6 })
  const c = t.run('tomcat01')
  t.publish('tomcat01', 49153, 8080)
  const requests: string[] = []
  serveHttp(t.stack.sockets, c.ns, 8080, (req) => {
    requests.push(`${req.method} ${req.target} ${req.headers.map(([k, v]) => `${k}=${v}`).join(',')}${req.body ? ` ${req.body}` : ''}`)
    if (req.target === '/old') return { status: 302, reason: 'Found', headers: [['Location', '/new'], ['Content-Length', '0']], body: '' }
    return { status: 404, reason: '', headers: [['Content-Type', 'text/html;charset=utf-8'], ['Content-Length', '9']], body: 'Not Found' }
  })
  const curl = (...args: string[]) => runProgram(t.registry, t.hostSandbox, ['curl', ...args], { kernel: t.kernel })
  return { t, curl, requests }
}

describe('curl 7.68.0', () => {
  it('GETs a published port through DNAT and prints the body; -i adds the head', async () => {
    const { curl, requests } = world()
    expect(await curl('localhost:49153')).toMatchObject({ exitCode: 7 }) // OUTPUT's DOCKER jump excludes 127.0.0.0/8 and no docker-proxy listens on the host
    expect(await curl('-s', '172.17.0.3:49153')).toMatchObject({ stdout: 'Not Found', exitCode: 0 })
    expect(requests).toEqual(['GET / Host=172.17.0.3:49153,User-Agent=curl/7.68.0,Accept=*/*'])
    expect((await curl('-si', 'http://172.18.0.2:8080/x')).stdout).toBe('HTTP/1.1 404 \r\nContent-Type: text/html;charset=utf-8\r\nContent-Length: 9\r\n\r\nNot Found')
  })

  it('connection refused, unknown host, and the usage hint', async () => {
    const { curl } = world()
    expect(await curl('-S', '-s', '172.18.0.2:8081')).toMatchObject({ stderr: 'curl: (7) Failed to connect to 172.18.0.2 port 8081: Connection refused\n', exitCode: 7 })
    expect(await curl('http://nosuch/')).toMatchObject({ stderr: `${PROGRESS_HEAD}\r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0curl: (6) Could not resolve host: nosuch\n`, exitCode: 6 })
    expect(await curl('-s', 'http://nosuch/')).toMatchObject({ stderr: '', exitCode: 6 })
    expect(await curl('-sS', 'http://nosuch/')).toMatchObject({ stderr: 'curl: (6) Could not resolve host: nosuch\n', exitCode: 6 })
    expect(await curl()).toMatchObject({ stderr: "curl: try 'curl --help' or 'curl --manual' for more information\n", exitCode: 2 })
    expect(await curl('-Z', 'x')).toMatchObject({ stderr: "curl: option -Z: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n", exitCode: 2 })
  })

  it('-X -d send the method and a form body; -w expands variables; -f fails on 4xx', async () => {
    const { curl, requests } = world()
    const r = await curl('-s', '-X', 'PUT', '-d', 'a=1', '-d', 'b=2', '-o', '/page', '-w', '%{http_code} %{size_download} %{url_effective}\\n', '172.18.0.2:8080/p')
    expect(r).toMatchObject({ stdout: '404 9 http://172.18.0.2:8080/p\n', exitCode: 0 })
    expect(requests.at(-1)).toBe('PUT /p Host=172.18.0.2:8080,User-Agent=curl/7.68.0,Accept=*/*,Content-Length=7,Content-Type=application/x-www-form-urlencoded a=1&b=2')
    expect(await curl('-sf', '172.18.0.2:8080/')).toMatchObject({ stdout: '', exitCode: 22 })
    expect(await curl('-f', '172.18.0.2:8080/')).toMatchObject({ exitCode: 22 })
  })

  it('-L follows Location; -v traces the exchange on stderr', async () => {
    const { curl, requests } = world()
    expect(await curl('-sL', '172.18.0.2:8080/old')).toMatchObject({ stdout: 'Not Found', exitCode: 0 })
    expect(requests.map((r) => r.split(' ')[1])).toEqual(['/old', '/new'])
    const v = await curl('-v', '172.18.0.2:8080/')
    expect(v.stderr).toBe(
      '*   Trying 172.18.0.2:8080...\n* TCP_NODELAY set\n* Connected to 172.18.0.2 (172.18.0.2) port 8080 (#0)\n' +
        '> GET / HTTP/1.1\r\n> Host: 172.18.0.2:8080\r\n> User-Agent: curl/7.68.0\r\n> Accept: */*\r\n> \r\n' +
        '* Mark bundle as not supporting multiuse\n< HTTP/1.1 404 \r\n< Content-Type: text/html;charset=utf-8\r\n< Content-Length: 9\r\n< \r\n' +
        '* Connection #0 to host 172.18.0.2 left intact\n',
    )
  })

  it('option parsing, the meter and -w escapes', () => {
    expect(parseCurl(['curl', '-fsSLo', 'out', 'u'])).toMatchObject({ ok: true, options: { fail: true, silent: true, showError: true, location: true, output: 'out', url: 'u' } })
    expect(parseCurl(['curl', '-o'])).toMatchObject({ ok: false, exitCode: 2 })
    expect(max5(683)).toBe('  683')
    expect(max5(612 * 1000)).toBe(' 597k')
    expect(progressLine(612, 612, 1)).toBe('\r100   612  100   612    0     0   597k      0 --:--:-- --:--:-- --:--:--  597k')
    expect(progressLine(0, 0, 0)).toBe('\r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0')
    expect(writeOut('%{http_code}\\t%%\\n', { http_code: '200' })).toBe('200\t%\n')
  })
})
