import { beforeAll, describe, expect, it } from 'vitest'
import { createTestHost, type TestHost } from '../../../testing/host'

describe('wget over the model', () => {
  let host: TestHost
  beforeAll(async () => {
    host = await createTestHost({ seed: 7 })
    await host.run('docker network create mynet')
    await host.run('docker run -d --name web --net mynet nginx')
    await host.run('docker run -d --name tomcat01 --net mynet tomcat')
    await host.run('docker run -d --name box --net mynet alpine sleep 1000')
    await host.advance(3000)
  })

  it('busybox wget saves index.html with its bar, and -O- writes the page to stdout', async () => {
    const r = await host.run('docker exec box wget http://web/')
    expect(r.output).toMatch(/^Connecting to web \(192\.168\.0\.2:80\)|^Connecting to web \(172\.\d+\.0\.2:80\)/)
    expect(r.output).toContain(`saving to 'index.html'\nindex.html           100% |${'*'.repeat(32)}|   615  0:00:00 ETA\n'index.html' saved\n`)
    expect((await host.run('docker exec box wget web')).output).toContain("wget: can't open 'index.html': File exists\n")
    expect((await host.run('docker exec box wget -qO- web')).output).toContain('<title>Welcome to nginx!</title>')
  })

  it('busybox wget reports a 404 and a refused connection', async () => {
    expect((await host.run('docker exec box wget -q tomcat01:8080')).output).toBe('wget: server returned error: HTTP/1.1 404 \n')
    expect((await host.run('echo $?')).output).toBe('1\n')
    expect((await host.run('docker exec box wget -q tomcat01:9')).output).toMatch(/^wget: can't connect to remote host \(172\.\d+\.0\.3\): Connection refused\n$/)
    expect((await host.run('docker exec box wget -q nosuch')).output).toBe("wget: bad address 'nosuch'\n")
  })

  it('GNU wget in the tomcat image: the transcript and exit 8 for a 404', async () => {
    const r = await host.run('docker exec tomcat01 wget tomcat01:8080')
    expect(r.output).toMatch(/^--\d{4}-\d\d-\d\d \d\d:\d\d:\d\d-- {2}http:\/\/tomcat01:8080\/\nResolving tomcat01 \(tomcat01\)\.\.\. 172\.\d+\.0\.3\nConnecting to tomcat01 \(tomcat01\)\|172\.\d+\.0\.3\|:8080\.\.\. connected\.\nHTTP request sent, awaiting response\.\.\. 404 \n\d{4}-\d\d-\d\d \d\d:\d\d:\d\d ERROR 404: \(no description\)\.\n\n$/)
    expect((await host.run('echo $?')).output).toBe('8\n')
    const ok = await host.run('docker exec tomcat01 wget -O /tmp/p web')
    expect(ok.output).toContain("Length: 615 [text/html]\nSaving to: '/tmp/p'\n\n")
    expect((await host.run('docker exec tomcat01 wc -c /tmp/p')).output).toBe('615 /tmp/p\n')
  })
})
