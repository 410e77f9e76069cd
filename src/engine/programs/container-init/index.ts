/**
 * Stand-in main processes of the images (registry names in parentheses):
 * tomcat's `catalina.sh` (`catalina.sh`), redis's `docker-entrypoint.sh`
 * (`docker-entrypoint.sh`), nginx's `/docker-entrypoint.sh`
 * (`nginx-entrypoint.sh`) and `nginx` (`nginx`). The composition root
 * registers them.
 */
export { createCatalinaProgram, tomcatTimestamp, type CatalinaOptions } from './catalina'
export { redisEntrypointProgram } from './entrypoint'
export { createNginxProgram, type NginxOptions } from './nginx'
export { nginxEntrypointProgram } from './nginx-entrypoint'
export { tomcatErrorPage } from './tomcat-http'

/** Registry names the image root filesystems refer to. */
export const CONTAINER_INIT_NAMES = { catalina: 'catalina.sh', entrypoint: 'docker-entrypoint.sh', nginx: 'nginx', nginxEntrypoint: 'nginx-entrypoint.sh' } as const
