import { describe, expect, it } from 'vitest'
import { exportShellScript, typedLines } from './export'

describe('export as a shell script', () => {
  it('rebuilds typed lines from keys', () => {
    expect(typedLines('docker pz\x7fs\r')).toEqual(['docker ps'])
    expect(typedLines('ping x\r\x03ls\x1b[A\r')).toEqual(['ping x', 'ls'])
  })

  it('prefixes container-terminal lines with docker exec', () => {
    const script = exportShellScript({
      version: 3,
      seed: 1,
      steps: [
        { terminal: 'host', input: 'docker run -d --name web tomcat\r' },
        { terminal: 'exec-1', open: 'web' },
        { terminal: 'exec-1', input: "echo 'hi'\r" },
      ],
    })
    expect(script.split('\n').slice(4, 6)).toEqual(['docker run -d --name web tomcat', `docker exec web sh -c 'echo '\\''hi'\\'''`])
  })
})

describe('export as a compose file', () => {
  it('describes the containers left standing, their networks and addresses', async () => {
    const { exportCompose, words } = await import('./compose')
    expect(words(`docker run -e "A=b c" 'x y' z\\ w`)).toEqual(['docker', 'run', '-e', 'A=b c', 'x y', 'z w'])
    const lines = [
      'docker run -d -P --name tomcat01 tomcat',
      'docker run -d --name gone tomcat',
      'docker rm -f gone',
      'docker network create --driver bridge --subnet 192.168.0.0/16 --gateway 192.168.0.1 mynet',
      'docker run -d -P --name tomcat-mynet-01 --net mynet tomcat',
      'docker network connect mynet tomcat01',
      'docker run -p 6371:6379 --name redis-1 \\',
      '-v /mydata/redis/node-1/data:/data \\',
      '-d --net mynet --ip 192.168.0.11 redis:5.0.9-alpine3.11 redis-server /etc/redis/redis.conf',
    ]
    const compose = exportCompose({ version: 3, seed: 1, steps: lines.map((l) => ({ terminal: 'host', input: `${l}\r` })) })!
    expect(compose).not.toContain('"gone"')
    expect(compose).toContain('  "tomcat01":\n    image: "tomcat"\n    container_name: "tomcat01"\n    # was started with -P')
    expect(compose).not.toMatch(/^ +"bridge":/m) // the default bridge is not a compose network…
    expect(compose).toContain('# also on the default bridge: docker network connect bridge tomcat01') // …so it is said
    expect(compose).toContain('  "redis-1":\n    image: "redis:5.0.9-alpine3.11"\n    container_name: "redis-1"\n    command: ["redis-server", "/etc/redis/redis.conf"]\n    ports:\n      - "6371:6379"\n    volumes:\n      - "/mydata/redis/node-1/data:/data"\n    networks:\n      "mynet":\n        ipv4_address: "192.168.0.11"')
    expect(compose).toContain('networks:\n  "mynet":\n    name: "mynet"\n    driver: "bridge"\n    ipam:\n      config:\n        - subnet: "192.168.0.0/16"\n          gateway: "192.168.0.1"')
    expect(exportCompose({ version: 3, seed: 1, steps: [{ terminal: 'host', input: 'ip addr\r' }] })).toBeUndefined()
  })
})
