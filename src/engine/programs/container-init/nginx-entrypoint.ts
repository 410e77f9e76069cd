/**
 * The nginx image's `/docker-entrypoint.sh` (1.21): when the command is
 * `nginx` or `nginx-debug` it runs the scripts of /docker-entrypoint.d/ and
 * reports each step on stdout, then execs the command. As with redis's
 * entrypoint the command runs as a child, and the script forwards signals.
 */
import type { Program } from '../../shell/runtime'
import { execCommand } from './exec-command'

const ME = '/docker-entrypoint.sh'
const D = '/docker-entrypoint.d/'
const CONF = '/etc/nginx/conf.d/default.conf'

export const nginxEntrypointProgram: Program = async (ctx) => {
  const { proc } = ctx
  const args = ctx.argv.slice(1)
  if (args.length === 0) return 0
  if ((args[0] === 'nginx' || args[0] === 'nginx-debug') && proc.env.NGINX_ENTRYPOINT_QUIET_LOGS === undefined) {
    const fs = proc.sandbox.fs
    const scripts = fs.exists(D) ? fs.readdir(D).filter((n) => n.endsWith('.sh')).sort() : []
    if (scripts.length === 0) {
      proc.out(`${ME}: No files found in ${D}, skipping configuration\n`)
    } else {
      proc.out(`${ME}: ${D} is not empty, will attempt to perform configuration\n`)
      proc.out(`${ME}: Looking for shell scripts in ${D}\n`)
      for (const name of scripts) {
        proc.out(`${ME}: Launching ${D}${name}\n`)
        if (name === '10-listen-on-ipv6-by-default.sh' && fs.exists(CONF)) {
          const conf = fs.readFile(CONF)
          proc.out(`${name}: info: Getting the checksum of ${CONF}\n`)
          if (conf.includes('listen  [::]:80;')) proc.out(`${name}: info: IPv6 listen already enabled\n`)
          else {
            fs.writeFile(CONF, conf.replace(/^(\s*)listen {7}80;$/m, '$1listen       80;\n$1listen  [::]:80;'))
            proc.out(`${name}: info: Enabled listen on IPv6 in ${CONF}\n`)
          }
        }
      }
      proc.out(`${ME}: Configuration complete; ready for start up\n`)
    }
  }
  return execCommand(ctx, args, `${ME}: 38: exec: ${args[0]}: not found\n`)
}
