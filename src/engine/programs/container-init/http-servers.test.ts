/**
 * tomcat's 404 on 8080 and nginx's welcome page on 80, reached with curl
 * and wget from the host (published ports through DNAT) and from containers
 * (container names through the embedded DNS on a user network).
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { createTestHost, type TestHost } from '../../../testing/host'
import { tomcatErrorPage } from './tomcat-http'

describe('image main processes that serve HTTP', () => {
  let host: TestHost
  beforeAll(async () => {
    host = await createTestHost({ seed: 44 })
    await host.run('docker network create mynet')
    await host.run('docker run -d -p 49153:8080 --name tomcat01 --net mynet tomcat')
    await host.run('docker run -d --name tomcat02 --net mynet tomcat')
    await host.run('docker run -d -p 8088:80 --name web nginx')
    await host.advance(3000)
  })

  it('the 404 page of Tomcat 10.0.10 is ErrorReportValve’s, byte for byte', () => {
    const page = tomcatErrorPage(404)
    expect(page).toContain('<title>HTTP Status 404 – Not Found</title>')
    expect(page).toContain('<h3>Apache Tomcat/10.0.10</h3></body></html>')
    expect(new TextEncoder().encode(page).length).toBe(683)
  })

  it('curl from the host to the published port reaches tomcat through DNAT', async () => {
    const ip = (await host.run("docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' tomcat01")).output.trim()
    const { output } = await host.run(`curl -i ${ip}:8080/; echo`)
    expect(output).toMatch(/^HTTP\/1\.1 404 \nContent-Type: text\/html;charset=utf-8\nContent-Language: en\nContent-Length: 683\nDate: \w{3}, \d\d \w{3} 20\d\d \d\d:\d\d:\d\d GMT\n\n/)
    expect(output.endsWith(tomcatErrorPage(404) + '\n')).toBe(true)
  })

  it('curl tomcat01:8080 from a container on the same user network resolves through the embedded DNS', async () => {
    const { output } = await host.run('docker exec tomcat02 curl -s tomcat01:8080; echo')
    expect(output).toBe(tomcatErrorPage(404) + '\n')
  })

  it('nginx answers its welcome page on 80 and logs the request to stdout', async () => {
    const ip = (await host.run("docker inspect -f '{{.NetworkSettings.IPAddress}}' web")).output.trim()
    const { output } = await host.run(`curl -sI ${ip}`)
    expect(output).toMatch(/^HTTP\/1\.1 200 OK\nServer: nginx\/1\.21\.1\nDate: .* GMT\nContent-Type: text\/html\nContent-Length: 615\nLast-Modified: .* GMT\nConnection: keep-alive\nETag: "[0-9a-f]+-267"\nAccept-Ranges: bytes\n\n$/)
    expect((await host.run(`curl -s ${ip}`)).output).toContain('<h1>Welcome to nginx!</h1>')
    const logs = (await host.run('docker logs web')).output
    expect(logs).toContain('/docker-entrypoint.sh: Configuration complete; ready for start up\n')
    expect(logs).toMatch(/\[notice\] \d+#\d+: nginx\/1\.21\.1\n/)
    expect(logs).toMatch(/^172\.\d+\.0\.1 - - \[\d\d\/\w{3}\/20\d\d:\d\d:\d\d:\d\d \+0000\] "HEAD \/ HTTP\/1\.1" 200 615 "-" "curl\/7\.68\.0" "-"$/m)
  })

  it('a missing file gives nginx’s 404 page', async () => {
    const ip = (await host.run("docker inspect -f '{{.NetworkSettings.IPAddress}}' web")).output.trim()
    const { output } = await host.run(`curl -s ${ip}/nope`)
    expect(output).toBe('<html>\n<head><title>404 Not Found</title></head>\n<body>\n<center><h1>404 Not Found</h1></center>\n<hr><center>nginx/1.21.1</center>\n</body>\n</html>\n')
  })
})
