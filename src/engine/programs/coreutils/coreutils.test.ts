import { describe, expect, it } from 'vitest'
import { ShellHarness } from '../../../testing/shell-harness'

const run = (script: string, opts: Parameters<ShellHarness['run']>[1] = {}) => new ShellHarness().run(script, opts)

describe('coreutils', () => {
  it('cat reports a missing file in GNU format, status 1', async () => {
    const r = await run('cat nosuch')
    expect(r.stderr).toBe('cat: nosuch: No such file or directory\n')
    expect(r.status).toBe(1)
  })

  it('cat -n numbers lines; cat copies stdin', async () => {
    expect((await run('printf "a\\nb\\n" | cat -n')).stdout).toBe('     1\ta\n     2\tb\n')
    expect((await run('cat', { stdin: 'xyz' })).stdout).toBe('xyz')
  })

  it('echo, true, false, hostname, clear', async () => {
    const r = await run('/bin/echo -n a; /bin/echo b; /bin/true && /bin/false; echo $?; hostname; clear')
    expect(r.stdout).toBe('ab\n1\ndocker-host\n\x1b[H\x1b[2J\x1b[3J')
  })

  it('seq counts, with separators and widths', async () => {
    expect((await run('seq 3; seq 2 4; seq 1 2 7; seq -s, 3; seq -w 8 10')).stdout).toBe('1\n2\n3\n2\n3\n4\n1\n3\n5\n7\n1,2,3\n08\n09\n10\n')
    expect((await run('seq')).stderr).toBe("seq: missing operand\nTry 'seq --help' for more information.\n")
  })

  it('sleep waits on the virtual clock', async () => {
    const h = new ShellHarness()
    const r = await h.run('sleep 2; sleep 0.5; date +%T')
    expect(h.clock.now()).toBe(2500)
    expect(r.stdout).toBe('02:53:02\n')
  })

  it('date prints the tutorial epoch in the host zone', async () => {
    const h = new ShellHarness()
    h.env.TZ = 'Asia/Shanghai'
    expect((await h.run('date')).stdout).toBe('Wed Aug 25 10:53:00 CST 2021\n')
  })

  it('mkdir -p, touch, ls, rm -r', async () => {
    const h = new ShellHarness()
    const r = await h.run('mkdir -p /d/a/b && touch /d/f /d/.h && ls /d; ls -a /d; mkdir /d; rm /d/a; rm -r /d/a; ls /d')
    expect(r.stdout).toBe('a\nf\n.\n..\n.h\na\nf\nf\n')
    expect(r.stderr).toBe("mkdir: cannot create directory '/d': File exists\nrm: cannot remove '/d/a': Is a directory\n")
  })

  it('ls -l prints plausible columns', async () => {
    const h = new ShellHarness()
    const r = await h.run('mkdir /x; echo hello > /x/file; ls -l /x')
    expect(r.stdout).toBe('total 4\n-rw-r--r-- 1 root root 6 Aug 25 10:53 file\n'.replace('10:53', '02:53'))
  })

  it('ls on a terminal lays names out in columns', async () => {
    const h = new ShellHarness()
    h.fs.mkdir('/data')
    h.fs.writeFile('/data/nodes.conf', '')
    h.fs.writeFile('/data/appendonly.aof', '')
    await h.login('sh', '/data')
    expect(await h.type('ls')).toBe('ls\nappendonly.aof  nodes.conf\n/data # ')
  })

  it('cp and mv', async () => {
    const h = new ShellHarness()
    await h.run('echo x > /tmp/a; cp /tmp/a /tmp/b; mv /tmp/a /root/; cp /nope /tmp/c')
    expect(h.fs.readFile('/tmp/b')).toBe('x\n')
    expect(h.fs.readFile('/root/a')).toBe('x\n')
    expect(h.fs.exists('/tmp/a')).toBe(false)
  })

  it('head, tail, wc, grep, sort, uniq, cut, tr, tee', async () => {
    const h = new ShellHarness()
    h.fs.writeFile('/tmp/t', 'b 2\na 1\nc 3\na 1\n')
    const r = await h.run(
      'head -n 2 /tmp/t; tail -1 /tmp/t; wc -l < /tmp/t; wc /tmp/t; grep -n a /tmp/t; grep -c -v a /tmp/t; grep -i B /tmp/t; sort /tmp/t | uniq -c; cut -d" " -f2 /tmp/t | tr "\\n" ,; echo; echo hi | tee /tmp/o',
    )
    expect(r.stdout).toBe('b 2\na 1\na 1\n4\n 4  8 16 /tmp/t\n2:a 1\n4:a 1\n2\nb 2\n      2 a 1\n      1 b 2\n      1 c 3\n2,1,3,1,\nhi\n')
    expect(h.fs.readFile('/tmp/o')).toBe('hi\n')
    expect((await h.run('grep zzz /tmp/t')).status).toBe(1)
  })

  it('uname, id, whoami, env, printenv, basename, dirname', async () => {
    const r = await run('uname; uname -r; uname -n; id; whoami; env | grep ^HOME=; printenv HOME; basename /a/b.c .c; dirname /a/b/c')
    expect(r.stdout).toBe('Linux\n5.4.0-80-generic\ndocker-host\nuid=0(root) gid=0(root) groups=0(root)\nroot\nHOME=/root\n/root\nb\n/a/b\n')
  })
})
