/**
 * The tutorial's Part 5 command blocks, verbatim (shared/seed/tutorial-docker-network.zh.md,
 * "Redis集群"), as learners paste them. The lesson offers them, and the tests, benches and
 * browser tests type them: one copy, so none can drift from the tutorial.
 */

/** T25: writes the six redis.conf files (a for loop with backslash continuations and a here-document). */
export const REDIS_CONFIG_BLOCK = `for port in $(seq 1 6); \\
do \\
mkdir -p /mydata/redis/node-\${port}/conf
touch /mydata/redis/node-\${port}/conf/redis.conf
cat << EOF >/mydata/redis/node-\${port}/conf/redis.conf
port 6379
bind 0.0.0.0
cluster-enabled yes
cluster-config-file nodes.conf
cluster-node-timeout 5000
cluster-announce-ip 172.38.0.1\${port}
cluster-announce-port 6379
cluster-announce-bus-port 16379
appendonly yes
EOF
done`

/** T26: the `docker run` block for redis-N (N = 1…6), four lines with trailing backslashes. */
export function redisRunBlock(n: number): string {
  return `docker run -p 637${n}:6379 -p 1637${n}:16379 --name redis-${n} \\
-v /mydata/redis/node-${n}/data:/data \\
-v /mydata/redis/node-${n}/conf/redis.conf:/etc/redis/redis.conf \\
-d --net redis --ip 172.38.0.1${n} redis:5.0.9-alpine3.11 redis-server /etc/redis/redis.conf`
}
