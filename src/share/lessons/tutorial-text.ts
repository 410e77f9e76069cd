/** Titles and explanations of the tutorial lesson's steps, in English and Chinese (WALKTHROUGH.md). */
import type { LocalText } from '../scenario'

type StepText = { readonly title: LocalText; readonly text: LocalText }
const s = (titleEn: string, titleZh: string, en: string, zh: string): StepText => ({ title: { en: titleEn, 'zh-CN': titleZh }, text: { en, 'zh-CN': zh } })

export const TUTORIAL_TEXT: Readonly<Record<string, StepText>> = {
  T1: s('Start from an empty host', '从空主机开始', 'Remove every container and image. On an empty host the backticks expand to nothing, so Docker prints its own "requires at least 1 argument" usage error.', '删除所有容器和镜像。主机为空时反引号展开为空，Docker 会打印"requires at least 1 argument"的用法错误。'),
  T2: s('The host’s addresses', '宿主机的地址', 'ip addr shows lo, eth0 (172.17.0.3/20) and docker0 (172.18.0.1/16), which is DOWN while nothing is attached.', 'ip addr 显示 lo、eth0（172.17.0.3/20）和 docker0（172.18.0.1/16）；没有容器连接时 docker0 为 DOWN。'),
  T3: s('Run tomcat01', '运行 tomcat01', 'The image is pulled on first use; the container gets 172.18.0.2 on docker0 and port 8080 is published on a random host port.', '首次使用时拉取镜像；容器在 docker0 上获得 172.18.0.2，8080 端口发布到随机的宿主机端口。'),
  T4: s('Inside tomcat01', 'tomcat01 内部', 'The container sees lo and eth0@ifM: one end of a veth pair whose other end is on the host.', '容器内可见 lo 和 eth0@ifM：veth pair 的一端，另一端在宿主机上。'),
  T5: s('Ping the container from the host', '从宿主机 ping 容器', 'The host reaches 172.18.0.2 through docker0. (The tutorial stops ping with Ctrl+C; -c 3 stops it after three replies.)', '宿主机通过 docker0 访问 172.18.0.2。（教程用 Ctrl+C 停止 ping；-c 3 在三次回复后停止。）'),
  T6: s('The veth pair on the host', '宿主机上的 veth pair', 'docker0 is UP now, and vethXXXX@ifN is its port: N and M point at each other.', 'docker0 现在是 UP，vethXXXX@ifN 是它的端口：N 与 M 互相对应。'),
  T7: s('A second container', '第二个容器', 'tomcat02 gets 172.18.0.3 and a second veth pair.', 'tomcat02 获得 172.18.0.3 和第二对 veth。'),
  T8: s('Container to container', '容器之间', 'tomcat01 pings tomcat02 through the docker0 bridge.', 'tomcat01 通过 docker0 网桥 ping 通 tomcat02。'),
  T9: s('Removing a container', '删除容器', 'Removing tomcat02 removes its veth pair from the host and the graph; then run it again for the next steps.', '删除 tomcat02 会从宿主机和拓扑图中移除它的 veth pair；然后重新运行它以便后续步骤。'),
  T10: s('No names on the default bridge', '默认网桥不能用名字', 'tomcat02 cannot ping tomcat01 by name: the default bridge has no DNS.', 'tomcat02 无法用名字 ping 通 tomcat01：默认网桥没有 DNS。'),
  T11: s('--link', '--link', 'tomcat03 is started with --link tomcat01 and reaches it by name.', 'tomcat03 使用 --link tomcat01 启动，可以用名字访问它。'),
  T12: s('What --link really does', '--link 的本质', 'It writes a line for tomcat01 into tomcat03’s /etc/hosts. The link is one-way.', '它在 tomcat03 的 /etc/hosts 中写入 tomcat01 的一行。链接是单向的。'),
  T13: s('Docker’s networks', 'Docker 的网络', 'docker network ls lists bridge, host and none.', 'docker network ls 列出 bridge、host 和 none。'),
  T14: s('--net bridge is the default', '--net bridge 是默认值', 'tomcat04 and tomcat05 both land on docker0.', 'tomcat04 和 tomcat05 都连接到 docker0。'),
  T15: s('Create mynet', '创建 mynet', 'A user-defined bridge network with subnet 192.168.0.0/16 and gateway 192.168.0.1.', '一个自定义网桥网络，子网 192.168.0.0/16，网关 192.168.0.1。'),
  T16: s('Inspect mynet', '查看 mynet', 'Its JSON, with "Containers": {} while empty.', '它的 JSON；没有容器时 "Containers": {}。'),
  T17: s('Names work on mynet', 'mynet 上可以用名字', 'Containers on a user-defined network resolve each other by name (embedded DNS).', '自定义网络上的容器可以通过名字互相解析（内置 DNS）。'),
  T18: s('mynet lists its containers', 'mynet 列出它的容器', 'docker network inspect mynet now shows both containers with their addresses.', 'docker network inspect mynet 现在显示两个容器及其地址。'),
  T19: s('docker network help', 'docker network 帮助', 'The subcommands of docker network, and how connect is used.', 'docker network 的子命令，以及 connect 的用法。'),
  T20: s('docker ps', 'docker ps', 'Docker’s table of running containers and their published ports.', 'Docker 的运行容器表及其发布端口。'),
  T21: s('Connect tomcat01 to mynet', '将 tomcat01 连接到 mynet', 'tomcat01 gets a second interface, eth1, with an address in 192.168.0.0/16.', 'tomcat01 获得第二块网卡 eth1，地址在 192.168.0.0/16 中。'),
  T22: s('tomcat01 reaches mynet by name', 'tomcat01 用名字访问 mynet', 'One container, two networks: tomcat01 pings tomcat-mynet-01 and -02.', '一个容器，两个网络：tomcat01 能 ping 通 tomcat-mynet-01 和 -02。'),
  T23: s('Isolation between bridges', '网桥之间的隔离', 'tomcat02 still cannot: no name, and by IP its packets are dropped between the bridges.', 'tomcat02 仍然不行：无法解析名字，按 IP 访问时数据包在网桥之间被丢弃。'),
  T24: s('A network for Redis', '为 Redis 创建网络', 'docker network create redis --subnet 172.38.0.0/16.', 'docker network create redis --subnet 172.38.0.0/16。'),
  T25: s('Six redis.conf files', '六个 redis.conf 文件', 'A shell loop writes one configuration per node on the host.', '一个 shell 循环在宿主机上为每个节点写入配置。'),
  T26: s('Six Redis nodes', '六个 Redis 节点', 'Each node runs on the redis network at 172.38.0.1N, with its data and config bind-mounted.', '每个节点运行在 redis 网络的 172.38.0.1N 上，数据和配置通过绑定挂载。'),
  T27: s('Inside redis-1', '进入 redis-1', 'A busybox shell in /data, where redis-server wrote appendonly.aof and nodes.conf.', '/data 中的 busybox shell，redis-server 在此写入了 appendonly.aof 和 nodes.conf。'),
  T28: s('Create the cluster', '创建集群', 'Three masters, three replicas; answer yes to accept the configuration.', '三主三从；输入 yes 接受配置。'),
  T29: s('CLUSTER nodes', 'CLUSTER nodes', 'redis-cli shows the six nodes in Redis’s format.', 'redis-cli 以 Redis 的格式显示六个节点。'),
  T30: s('Redirects with -c', '-c 的重定向', 'set k1 v1 is redirected to slot 12706 on 172.38.0.13.', 'set k1 v1 被重定向到 172.38.0.13 上的 12706 槽。'),
  T31: s('Fail over', '故障转移', 'Stop redis-3: after the node timeout its replica 172.38.0.14 is promoted and still answers get k1.', '停止 redis-3：节点超时后其从节点 172.38.0.14 被提升，仍能回答 get k1。'),
}
