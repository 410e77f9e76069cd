import { REDIS_CONFIG_BLOCK } from '../../share/lessons/tutorial-blocks'
import { describe, expect, it } from 'vitest'
import { ShellHarness } from '../../testing/shell-harness'

async function run(script: string, options: Parameters<ShellHarness['run']>[1] = {}) {
  return new ShellHarness().run(script, options)
}

describe('simple commands and lists', () => {
  it('echoes with quoting preserved', async () => {
    const r = await run(`echo 'a  b' "c  d" e\\ f   g`)
    expect(r.stdout).toBe('a  b c  d e f g\n')
    expect(r.status).toBe(0)
  })

  it('runs && and || by status', async () => {
    const r = await run('true && echo yes; false && echo no; false || echo alt; true || echo never')
    expect(r.stdout).toBe('yes\nalt\n')
  })

  it('reports command not found the bash way, status 127', async () => {
    const r = await run('nosuch arg; echo $?')
    expect(r.stderr).toBe('bash: line 1: nosuch: command not found\n')
    expect(r.stdout).toBe('127\n')
  })

  it('reports not found the busybox way', async () => {
    const r = await run('nosuch', { shell: 'sh' })
    expect(r.stderr).toBe('sh: nosuch: not found\n')
    expect(r.status).toBe(127)
  })

  it('passes the exit status of exit', async () => {
    expect((await run('exit 3')).status).toBe(3)
    expect((await run('false')).status).toBe(1)
  })
})

describe('expansions', () => {
  it('expands parameters with defaults', async () => {
    const r = await run('x=1; echo $x ${x} ${y:-def} ${y-unset} ${x:+alt} ${#x}; echo "${z:=zz}" $z')
    expect(r.stdout).toBe('1 1 def unset alt 1\nzz zz\n')
  })

  it('gives zero arguments for an empty backtick substitution', async () => {
    const r = await run('set -- `true`; echo $#; set -- "`true`"; echo $#')
    expect(r.stdout).toBe('0\n1\n')
  })

  it('nests command substitutions and strips trailing newlines', async () => {
    const r = await run('echo "[$(echo $(echo `echo deep`))]"; x=$(printf "a\\n\\n\\n"); echo "[$x]"')
    expect(r.stdout).toBe('[deep]\n[a]\n')
  })

  it('splits unquoted expansions on IFS but not quoted ones', async () => {
    const r = await run('v="a   b c"; for w in $v; do echo "<$w>"; done; for w in "$v"; do echo "<$w>"; done')
    expect(r.stdout).toBe('<a>\n<b>\n<c>\n<a   b c>\n')
  })

  it('expands "$@" to one field per argument', async () => {
    const r = await run('f() { for a in "$@"; do echo "<$a>"; done; echo $#; }; f "x y" z ""')
    expect(r.stdout).toBe('<x y>\n<z>\n<>\n3\n')
  })

  it('does arithmetic', async () => {
    const r = await run('i=3; echo $((i * 2 + 1)) $(( (i+1) % 3 )); : $((i+=1)); echo $i')
    expect(r.stdout).toBe('7 1\n4\n')
  })

  it('removes prefixes and suffixes', async () => {
    const r = await run('p=/a/b/c.tar.gz; echo ${p##*/} ${p%.*} ${p%%.*} ${p#/}')
    expect(r.stdout).toBe('c.tar.gz /a/b/c.tar /a/b/c a/b/c.tar.gz\n')
  })

  it('globs against the filesystem and keeps unmatched patterns', async () => {
    const h = new ShellHarness()
    const r = await h.run('mkdir -p /tmp/g && touch /tmp/g/b.txt /tmp/g/a.txt /tmp/g/.hidden && echo /tmp/g/*.txt; echo /tmp/g/*.none; echo "/tmp/g/*"')
    expect(r.stdout).toBe('/tmp/g/a.txt /tmp/g/b.txt\n/tmp/g/*.none\n/tmp/g/*\n')
  })

  it('expands ~ to HOME', async () => {
    expect((await run('echo ~ ~/x "~"')).stdout).toBe('/root /root/x ~\n')
  })
})

describe('redirections and here-documents', () => {
  it('writes, appends and reads files', async () => {
    const h = new ShellHarness()
    const r = await h.run('echo one > /tmp/f; echo two >> /tmp/f; cat < /tmp/f; cat /tmp/f | wc -l 2>/dev/null; true')
    expect(r.stdout.startsWith('one\ntwo\n')).toBe(true)
    expect(h.fs.readFile('/tmp/f')).toBe('one\ntwo\n')
  })

  it('sends stderr where 2>&1 points, in order', async () => {
    const r = await run('cat /nope 2>&1; cat /nope 2>/dev/null; echo $?')
    expect(r.stdout).toBe('cat: /nope: No such file or directory\n1\n')
    expect(r.stderr).toBe('')
  })

  it('reports a redirection into a missing directory', async () => {
    const r = await run('echo x > /no/such/file; echo $?')
    expect(r.stderr).toBe('bash: line 1: /no/such/file: No such file or directory\n')
    expect(r.stdout).toBe('1\n')
  })

  it('expands here-documents unless the delimiter is quoted', async () => {
    const r = await run('x=42\ncat <<EOF\nv=$x \\$x `echo bt`\nEOF\ncat <<\'EOF\'\nv=$x\nEOF\ncat <<-EOF\n\t\tindented $x\n\tEOF\n')
    expect(r.stdout).toBe('v=42 $x bt\nv=$x\nindented 42\n')
  })
})

describe('compound commands', () => {
  it('runs if/elif/else', async () => {
    const r = await run('for x in 1 2 3; do if [ $x = 1 ]; then echo one; elif [ $x -eq 2 ]; then echo two; else echo other; fi; done')
    expect(r.stdout).toBe('one\ntwo\nother\n')
  })

  it('runs while, until, break and continue', async () => {
    const r = await run('i=0; while true; do i=$((i+1)); [ $i -eq 2 ] && continue; [ $i -gt 4 ] && break; echo $i; done; until [ $i -eq 0 ]; do i=$((i-1)); done; echo end $i')
    expect(r.stdout).toBe('1\n3\n4\nend 0\n')
  })

  it('matches case patterns', async () => {
    const r = await run('for f in a.txt b.sh c; do case $f in *.txt) echo text;; *.sh|*.bash) echo script;; *) echo other;; esac; done')
    expect(r.stdout).toBe('text\nscript\nother\n')
  })

  it('keeps subshell changes inside the subshell', async () => {
    const r = await run('x=1; (x=2; cd /tmp; echo $x $PWD); echo $x $PWD; { x=3; }; echo $x')
    expect(r.stdout).toBe('2 /tmp\n1 /root\n3\n')
  })

  it('supports functions with local and return', async () => {
    const r = await run('x=g; f() { local x=l; echo $x $1; return 5; }; f arg; echo $? $x')
    expect(r.stdout).toBe('l arg\n5 g\n')
  })

  it('streams a pipeline', async () => {
    const r = await run('for i in 1 2 3; do echo line$i; done | cat | cat')
    expect(r.stdout).toBe('line1\nline2\nline3\n')
  })

  it('negates with ! and stops on set -e', async () => {
    const r = await run('! false; echo $?; set -e; false; echo unreachable')
    expect(r.stdout).toBe('0\n')
    expect(r.status).toBe(1)
  })

  it('reads lines with read', async () => {
    const r = await run('while read a b; do echo "$b-$a"; done', { stdin: 'x y z\n1 2\n' })
    expect(r.stdout).toBe('y z-x\n2-1\n')
  })
})

describe('the tutorial', () => {
  it('T25: the loop writes six redis.conf files', async () => {
    const h = new ShellHarness()
    const script = `${REDIS_CONFIG_BLOCK}\n`
    const r = await h.run(script)
    expect(r.stderr).toBe('')
    expect(h.fs.readdir('/mydata/redis')).toEqual(['node-1', 'node-2', 'node-3', 'node-4', 'node-5', 'node-6'])
    expect(h.fs.readFile('/mydata/redis/node-3/conf/redis.conf')).toBe(
      'port 6379\nbind 0.0.0.0\ncluster-enabled yes\ncluster-config-file nodes.conf\ncluster-node-timeout 5000\ncluster-announce-ip 172.38.0.13\ncluster-announce-port 6379\ncluster-announce-bus-port 16379\nappendonly yes\n',
    )
  })

  it('T1: backticks with an empty result give the command no argument', async () => {
    const args: string[][] = []
    const h = new ShellHarness({
      programs: {
        docker: async (ctx) => {
          args.push([...ctx.argv])
          return ctx.argv[1] === 'ps' ? 0 : 1
        },
      },
    })
    await h.run('docker rm -f `docker ps -qa`')
    expect(args).toEqual([['docker', 'ps', '-qa'], ['docker', 'rm', '-f']])
  })
})
