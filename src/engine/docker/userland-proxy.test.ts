import { describe, expect, it } from 'vitest'
import { createTestHost } from '../../testing/host'

describe('published ports from the host itself', () => {
  it('localhost reaches the container through docker-proxy, the host address through DNAT; both end with the container', async () => {
    const host = await createTestHost({ seed: 3 })
    await host.run('docker run -d -P --name tomcat01 tomcat')
    await host.run('sleep 3') // Tomcat opens 8080 once its connector has started
    const port = /^0\.0\.0\.0:(\d+)$/m.exec((await host.run('docker port tomcat01 8080')).output)?.[1]
    expect(port).toMatch(/^\d+$/)
    expect((await host.run(`curl -s localhost:${port} | grep -o 'HTTP Status 404 – Not Found' | head -1`)).output).toBe('HTTP Status 404 – Not Found\n')
    expect((await host.run(`curl -s 172.17.0.3:${port} | wc -c`)).output.trim()).toMatch(/^[1-9]\d*$/)
    await host.run('docker rm -f tomcat01')
    expect((await host.run(`curl -s localhost:${port}; echo $?`)).output).toBe('7\n')
  })
})
