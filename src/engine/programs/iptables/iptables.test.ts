import { describe, expect, it } from 'vitest'
import { tutorialTopology } from '../../../testing/net-topology'
import { runProgram } from '../../../testing/program-harness'

/** The column header iptables prints (print_header: %-9s target, " prot ", opt, " %-19s " source and destination). */
const COLS = 'target     prot opt source               destination         '

function host() {
  const t = tutorialTopology({ seed: 2 })
  t.run('tomcat01')
  t.publish('tomcat01', 49153, 8080)
  const run = (...argv: string[]) => runProgram(t.registry, t.hostSandbox, ['iptables', ...argv], { kernel: t.kernel })
  return { t, run }
}

describe('iptables v1.8.9 (legacy) listings of Docker\'s rules', () => {
  it('-L FORWARD and the DOCKER chains, as the layout of iptables -L', async () => {
    const { run } = host()
    expect((await run('-L', 'FORWARD')).stdout).toBe(
      [
        'Chain FORWARD (policy DROP)',
        COLS,
        'DOCKER-USER  all  --  anywhere             anywhere            ',
        'DOCKER-ISOLATION-STAGE-1  all  --  anywhere             anywhere            ',
        'ACCEPT     all  --  anywhere             anywhere             ctstate RELATED,ESTABLISHED',
        'DOCKER     all  --  anywhere             anywhere            ',
        'ACCEPT     all  --  anywhere             anywhere            ',
        'ACCEPT     all  --  anywhere             anywhere            ',
        '',
      ].join('\n'),
    )
    expect((await run('-L', 'DOCKER')).stdout).toBe(`Chain DOCKER (1 references)\n${COLS}\nACCEPT     tcp  --  anywhere             172.18.0.2           tcp dpt:http-alt\n`)
  })

  it('-t nat -L -n: numeric addresses and ports, the DNAT target, chains separated by an empty line', async () => {
    const { run } = host()
    const out = (await run('-t', 'nat', '-L', '-n')).stdout
    expect(out).toContain(`Chain PREROUTING (policy ACCEPT)\n${COLS}\nDOCKER     all  --  0.0.0.0/0            0.0.0.0/0            ADDRTYPE match dst-type LOCAL\n\nChain INPUT (policy ACCEPT)\n`)
    expect(out).toContain('DOCKER     all  --  0.0.0.0/0           !127.0.0.0/8          ADDRTYPE match dst-type LOCAL\n')
    expect(out).toContain('MASQUERADE  all  --  172.18.0.0/16        0.0.0.0/0           \n')
    expect(out).toContain('DNAT       tcp  --  0.0.0.0/0            0.0.0.0/0            tcp dpt:49153 to:172.18.0.2:8080\n')
    expect(out.endsWith('\n\n')).toBe(false)
  })

  it('-v counts what the chains saw; --line-numbers numbers the rules', async () => {
    const { t, run } = host()
    t.addNetwork('mynet', 'br-0123456789ab', '192.168.0.0/16', '192.168.0.1')
    t.run('m', 'mynet')
    await runProgram(t.registry, t.containers.get('tomcat01')!.sandbox, ['ping', '-c', '1', '-W', '1', '192.168.0.2'], { kernel: t.kernel })
    const out = (await run('-L', 'DOCKER-ISOLATION-STAGE-2', '-v', '-n', '--line-numbers')).stdout
    expect(out).toBe(
      'Chain DOCKER-ISOLATION-STAGE-2 (2 references)\n' +
        'num   pkts bytes target     prot opt in     out     source               destination         \n' +
        '1        1    84 DROP       all  --  *      br-0123456789ab  0.0.0.0/0            0.0.0.0/0           \n' +
        '2        0     0 DROP       all  --  *      docker0  0.0.0.0/0            0.0.0.0/0           \n' +
        '3        0     0 RETURN     all  --  *      *       0.0.0.0/0            0.0.0.0/0           \n',
    )
  })

  it('-S prints the rules as iptables-save does', async () => {
    const { run } = host()
    const out = (await run('-t', 'nat', '-S')).stdout
    expect(out).toBe(
      '-P PREROUTING ACCEPT\n-P INPUT ACCEPT\n-P OUTPUT ACCEPT\n-P POSTROUTING ACCEPT\n-N DOCKER\n' +
        '-A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER\n' +
        '-A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER\n' +
        '-A POSTROUTING -s 172.18.0.0/16 ! -o docker0 -j MASQUERADE\n' +
        '-A POSTROUTING -s 172.18.0.2/32 -d 172.18.0.2/32 -p tcp -m tcp --dport 8080 -j MASQUERADE\n' +
        '-A DOCKER -i docker0 -j RETURN\n' +
        '-A DOCKER ! -i docker0 -p tcp -m tcp --dport 49153 -j DNAT --to-destination 172.18.0.2:8080\n',
    )
  })

  it('changes rules, and reports errors as iptables does', async () => {
    const { run } = host()
    expect(await run('-N', 'MINE')).toMatchObject({ exitCode: 0 })
    expect(await run('-N', 'MINE')).toMatchObject({ stderr: 'iptables: Chain already exists.\n', exitCode: 1 })
    expect(await run('-A', 'MINE', '-s', '10.0.0.0/8', '-p', 'tcp', '--dport', '22', '-j', 'DROP')).toMatchObject({ exitCode: 0 })
    expect((await run('-S', 'MINE')).stdout).toBe('-N MINE\n-A MINE -s 10.0.0.0/8 -p tcp -m tcp --dport 22 -j DROP\n')
    expect(await run('-X', 'MINE')).toMatchObject({ stderr: 'iptables: Directory not empty.\n', exitCode: 1 })
    expect(await run('-D', 'MINE', '1')).toMatchObject({ exitCode: 0 })
    expect(await run('-D', 'MINE', '1')).toMatchObject({ stderr: 'iptables: Index of deletion too big.\n', exitCode: 1 })
    expect(await run('-L', 'NOPE')).toMatchObject({ stderr: 'iptables: No chain/target/match by that name.\n', exitCode: 1 })
    expect(await run('-P', 'DOCKER', 'ACCEPT')).toMatchObject({ stderr: 'iptables: Bad built-in chain name.\n', exitCode: 1 })
    expect(await run()).toMatchObject({ stderr: "iptables v1.8.9 (legacy): no command specified\nTry `iptables -h' or 'iptables --help' for more information.\n", exitCode: 2 })
    expect(await run('-t', 'mangle', '-L')).toMatchObject({ exitCode: 3 })
    expect(await run('-L', '--bogus')).toMatchObject({ stderr: 'iptables v1.8.9 (legacy): unknown option "--bogus"\nTry `iptables -h\' or \'iptables --help\' for more information.\n', exitCode: 2 })
  })
})
