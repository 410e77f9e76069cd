/**
 * The tutorial (../shared/seed/tutorial-docker-network.zh.md, WALKTHROUGH.md T1–T31) as a built-in
 * lesson: one step per walkthrough item, each with its explanation (tutorial-text.ts), the
 * commands to try, and checks on the World's state. Lessons are data in the scenario format, so a
 * teacher's own lesson travels in a link the same way.
 *
 * Commands are typed one line at a time, each after the terminal reads input again. T5's
 * `ping` gets `-c 3` so a click ends by itself (the tutorial stops it with Ctrl+C). Checks see
 * records only: T25 (files on the host) and T27–T30 (cluster state inside redis) check what the
 * records show of them, the six containers on `redis`.
 */
import type { Check, Lesson, LessonStep } from '../scenario'
import { TUTORIAL_TEXT } from './tutorial-text'
import { REDIS_CONFIG_BLOCK, redisRunBlock } from './tutorial-blocks'


const runRedis = (n: number): string[] => redisRunBlock(n).split('\n')
const NODES = [1, 2, 3, 4, 5, 6]
const CREATE = `redis-cli --cluster create ${NODES.map((n) => `172.38.0.1${n}:6379`).join(' ')} --cluster-replicas 1`

const running = (name: string, network?: string, addressIn?: string): Check => ({
  kind: 'container',
  name,
  state: 'running',
  ...(network ? { network } : {}),
  ...(addressIn ? { addressIn } : {}),
})
const BRIDGE = '172.18.0.0/16'
const MYNET = '192.168.0.0/16'
const redisUp = NODES.map((n) => running(`redis-${n}`, 'redis', `172.38.0.1${n}/32`))

/** Per step: commands and checks; texts come from TUTORIAL_TEXT by id. */
const PLAN: readonly (readonly [string, readonly string[], readonly Check[]])[] = [
  ['T1', ['docker rm -f `docker ps -qa`', 'docker rmi -f `docker images -qa`'], [{ kind: 'no-container', name: 'tomcat01' }]],
  ['T2', ['ip addr'], [{ kind: 'interface', owner: 'host', name: 'docker0', addressIn: '172.18.0.1/32' }]],
  ['T3', ['docker run -d -P --name tomcat01 tomcat'], [running('tomcat01', 'bridge', '172.18.0.2/32')]],
  ['T4', ['docker exec -it tomcat01 ip addr'], [{ kind: 'interface', owner: 'tomcat01', name: 'eth0', addressIn: '172.18.0.2/32' }]],
  ['T5', ['ping -c 3 172.18.0.2'], [running('tomcat01', 'bridge', BRIDGE)]],
  ['T6', ['ip addr'], [{ kind: 'interface', owner: 'host', name: 'docker0', state: 'UP' }]],
  ['T7', ['docker run -d -P --name tomcat02 tomcat', 'docker exec -it tomcat02 ip addr'], [running('tomcat02', 'bridge', '172.18.0.3/32')]],
  ['T8', ['docker exec -it tomcat01 ping -c 3 172.18.0.3'], [running('tomcat01', 'bridge', BRIDGE), running('tomcat02', 'bridge', BRIDGE)]],
  ['T9', ['docker rm -f tomcat02', 'ip addr', 'docker run -d -P --name tomcat02 tomcat'], [running('tomcat02', 'bridge', BRIDGE)]],
  ['T10', ['docker exec -it tomcat02 ping tomcat01'], [running('tomcat02', 'bridge', BRIDGE)]],
  ['T11', ['docker run -d -P --name tomcat03 --link tomcat01 tomcat', 'docker exec -it tomcat03 ping -c 3 tomcat01'], [running('tomcat03', 'bridge', BRIDGE)]],
  ['T12', ['docker exec -it tomcat03 cat /etc/hosts'], [{ kind: 'hosts-entry', container: 'tomcat03', host: 'tomcat01' }]],
  ['T13', ['docker network ls'], [{ kind: 'network', name: 'bridge' }, { kind: 'network', name: 'host' }, { kind: 'network', name: 'none' }]],
  ['T14', ['docker run -d -P --name tomcat04 tomcat', 'docker run -d -P --name tomcat05 --net bridge tomcat'], [running('tomcat04', 'bridge', BRIDGE), running('tomcat05', 'bridge', BRIDGE)]],
  ['T15', ['docker network create --driver bridge --subnet 192.168.0.0/16 --gateway 192.168.0.1 mynet', 'docker network ls'], [{ kind: 'network', name: 'mynet', subnet: MYNET, gateway: '192.168.0.1' }]],
  ['T16', ['docker network inspect mynet'], [{ kind: 'network', name: 'mynet', subnet: MYNET }]],
  [
    'T17',
    ['docker run -d -P --name tomcat-mynet-01 --net mynet tomcat', 'docker run -d -P --name tomcat-mynet-02 --net mynet tomcat', 'docker exec -it tomcat-mynet-01 ping -c 3 tomcat-mynet-02'],
    [running('tomcat-mynet-01', 'mynet', MYNET), running('tomcat-mynet-02', 'mynet', MYNET)],
  ],
  ['T18', ['docker network inspect mynet'], [running('tomcat-mynet-02', 'mynet', MYNET)]],
  ['T19', ['docker network --help', 'docker network connect --help'], [{ kind: 'network', name: 'mynet' }]],
  ['T20', ['docker ps'], [running('tomcat01')]],
  ['T21', ['docker network connect mynet tomcat01', 'docker exec -it tomcat01 ip addr'], [running('tomcat01', 'mynet', MYNET), { kind: 'interface', owner: 'tomcat01', name: 'eth1', addressIn: MYNET }]],
  ['T22', ['docker exec -it tomcat01 ping -c 2 tomcat-mynet-01', 'docker exec -it tomcat01 ping -c 2 tomcat-mynet-02'], [running('tomcat01', 'mynet', MYNET)]],
  ['T23', ['docker exec -it tomcat02 ping tomcat-mynet-01', 'docker exec tomcat02 ping -c 2 -W 1 192.168.0.2'], [running('tomcat02', 'bridge', BRIDGE)]],
  ['T24', ['docker network create redis --subnet 172.38.0.0/16'], [{ kind: 'network', name: 'redis', subnet: '172.38.0.0/16' }]],
  ['T25', REDIS_CONFIG_BLOCK.split('\n'), [{ kind: 'network', name: 'redis' }]],
  ['T26', NODES.flatMap(runRedis), redisUp],
  ['T27', ['docker exec -it redis-1 /bin/sh', 'pwd', 'ls'], [running('redis-1', 'redis')]],
  ['T28', [CREATE, 'yes'], redisUp],
  ['T29', ['redis-cli', 'CLUSTER nodes', 'quit'], redisUp],
  ['T30', ['redis-cli -c', 'set k1 v1', 'get k1', 'quit'], redisUp],
  ['T31', ['exit', 'docker stop redis-3', 'sleep 8', 'docker exec -it redis-1 redis-cli -c get k1'], [{ kind: 'container', name: 'redis-3', state: 'exited' }]],
]

export const TUTORIAL_LESSON: Lesson = {
  id: 'docker-network-tutorial',
  title: { en: 'Docker networking, step by step', 'zh-CN': 'Docker 网络，一步一步' },
  steps: PLAN.map(([id, commands, checks]): LessonStep => {
    const text = TUTORIAL_TEXT[id]!
    return { id, title: text.title, text: text.text, terminal: 'host', commands: [...commands], checks: [...checks] }
  }),
}
