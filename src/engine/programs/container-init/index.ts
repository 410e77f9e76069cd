/**
 * Stand-in main processes of the images (registry names in parentheses):
 * tomcat's `catalina.sh` (`catalina.sh`) and redis's `docker-entrypoint.sh`
 * (`docker-entrypoint.sh`). The composition root registers them.
 */
export { createCatalinaProgram, tomcatTimestamp, type CatalinaOptions } from './catalina'
export { redisEntrypointProgram } from './entrypoint'

/** Registry names the image root filesystems refer to. */
export const CONTAINER_INIT_NAMES = { catalina: 'catalina.sh', entrypoint: 'docker-entrypoint.sh' } as const
