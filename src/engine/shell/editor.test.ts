import xtermHeadless from '@xterm/headless'
import { describe, expect, it } from 'vitest'
import { ShellHarness } from '../../testing/shell-harness'
import { setCompletionSource } from './complete'

const { Terminal } = xtermHeadless

/** What an xterm shows for the harness's terminal output: logical lines, trailing blanks trimmed. */
async function render(raw: string, cols = 80): Promise<string> {
  const term = new Terminal({ cols, rows: 50, allowProposedApi: true, scrollback: 1000 })
  await new Promise<void>((resolve) => term.write(raw, resolve))
  const buf = term.buffer.active
  const lines: string[] = []
  for (let i = 0; i < buf.length; i++) {
    const line = buf.getLine(i)!
    const text = line.translateToString(true).trimEnd()
    if (line.isWrapped && lines.length > 0) lines[lines.length - 1] += text
    else lines.push(text)
  }
  while (lines.length && lines.at(-1) === '') lines.pop()
  term.dispose()
  return lines.join('\n')
}

async function shell(cols = 80): Promise<ShellHarness> {
  const h = new ShellHarness()
  h.tty.resize(cols, 24)
  h.fs.mkdir('/root/projects/alpha', { parents: true })
  h.fs.mkdir('/root/projects/beta', { parents: true })
  h.fs.writeFile('/root/notes.txt', 'hi\n')
  await h.login()
  return h
}

const screen = (h: ShellHarness, cols = 80): Promise<string> => render(h.rawOutput, cols)

describe('line editor', () => {
  it('inserts at the cursor after ←, Home/End and ^A/^E in their escape variants', async () => {
    const h = await shell()
    await h.keys('eco hi')
    await h.keys('\x1b[D\x1b[D\x1bOD\x1b[D') // back to after "ec"
    await h.keys('h')
    await h.keys('\x1b[H!\x1b[F') // Home, insert, End
    await h.keys('\x01\x1b[3~\x05') // ^A, Delete the "!", ^E
    await h.keys(' there\x1b[1~\x1b[4~')
    await h.type('')
    expect(await screen(h)).toBe('root@docker-host:~# echo hi there\nhi there\nroot@docker-host:~#')
  })

  it('kills with ^U ^K ^W and yanks with ^Y; Backspace erases', async () => {
    const h = await shell()
    await h.keys('echo one two three\x17\x17')
    await h.keys('x\x7f')
    await h.keys('\x19\x19') // yank "three" twice? no: last kill was "two " — yank it twice
    expect(await h.type('')).toContain('one two two')
    await h.keys('garbage\x15echo a b\x01\x06\x06\x06\x06\x06\x0b')
    expect(await h.type('')).toBe('\n\nroot@docker-host:~# ')
    expect((await screen(h)).split('\n').at(-3)).toBe('root@docker-host:~# echo')
  })

  it('^C abandons the line with ^C and status 130; ^D deletes or exits', async () => {
    const h = await shell()
    await h.keys('echo partial\x03')
    expect(await h.type('echo $?')).toContain('130')
    await h.keys('echo abc\x01\x04\x04\x04\x04\x04\x0b')
    await h.keys('echo x')
    expect(await h.type('')).toContain('\nx\n')
    await h.keys('\x04')
    await h.untilPrompt()
    expect(h.shell!.running).toBe(false)
  })

  it('walks history with ↑/↓ and keeps the line being edited', async () => {
    const h = await shell()
    await h.type('echo first')
    await h.type('echo second')
    await h.keys('echo draft')
    await h.keys('\x1b[A\x1b[A')
    expect(await screen(h)).toMatch(/# echo first$/)
    await h.keys('\x1bOB\x1b[B')
    expect(await screen(h)).toMatch(/# echo draft$/)
    await h.keys('\x1b[A')
    expect(await h.type('')).toContain('second\n')
    expect(await h.type('history')).toBe('history\n    1  echo first\n    2  echo second\n    3  echo second\n    4  history\nroot@docker-host:~# ')
  })

  it('expands !! and !n and prints the result, as bash does', async () => {
    const h = await shell()
    await h.type('echo one')
    expect(await h.type('!!')).toBe('!!\necho one\none\nroot@docker-host:~# ')
    expect(await h.type('!1 two')).toBe('!1 two\necho one two\none two\nroot@docker-host:~# ')
    expect(await h.type('!9')).toBe('!9\nbash: !9: event not found\nroot@docker-host:~# ')
    expect(await h.type("echo '!!'")).toBe("echo '!!'\n!!\nroot@docker-host:~# ")
  })

  it('^L clears the screen and redraws the prompt and the line', async () => {
    const h = await shell()
    await h.type('echo before')
    await h.keys('echo now\x0c')
    expect(await screen(h)).toBe('root@docker-host:~# echo now')
  })

  it('wraps long lines and still edits them at the right place', async () => {
    const h = await shell(30)
    await h.keys('echo ' + 'a'.repeat(40) + '\x01\x1b[C\x1b[C\x1b[C\x1b[C\x1b[CX')
    const out = await h.type('')
    expect(out).toContain('X' + 'a'.repeat(40) + '\n')
    expect(await screen(h, 30)).toContain('root@docker-host:~# echo X' + 'a'.repeat(40))
  })
})

describe('tab completion', () => {
  it('completes commands, builtins and paths; a directory gets a slash', async () => {
    const h = await shell()
    await h.keys('ech\t')
    await h.keys('no\t')
    expect(await h.type('')).toBe('\nnotes.txt\nroot@docker-host:~# ')
    await h.keys('cd proj\t')
    expect(await screen(h)).toMatch(/cd projects\/$/)
    await h.keys('al\t')
    await h.type('')
    expect(await h.type('pwd')).toContain('/root/projects/alpha\n')
  })

  it('lists the candidates on a second Tab and redraws the line', async () => {
    const h = await shell()
    await h.keys('ls projects/\t')
    expect(h.rawOutput.endsWith('\x07')).toBe(true)
    await h.keys('\t')
    expect(await screen(h)).toBe('root@docker-host:~# ls projects/\nalpha/  beta/\nroot@docker-host:~# ls projects/')
  })

  it('asks the completion source for docker arguments', async () => {
    const h = new ShellHarness({ programs: { docker: async () => 0 } })
    const asked: string[][] = []
    setCompletionSource(h.kernel, {
      words: (argv, index) => {
        asked.push([...argv, String(index)])
        return argv[1] === 'exec' ? ['redis-1', 'redis-2', 'tomcat01'] : []
      },
    })
    await h.login()
    await h.keys('docker exec -it tom\t')
    expect(asked[0]).toEqual(['docker', 'exec', '-it', 'tom', '3'])
    expect(h.rawOutput.endsWith('tomcat01 ')).toBe(true)
    await h.keys('\x15docker exec red\t')
    expect(await screen(h)).toMatch(/docker exec redis-$/)
  })
})

describe('pasting', () => {
  it('runs a pasted multi-line block line by line, with PS2 continuations', async () => {
    const h = await shell()
    h.take()
    h.tty.input('for i in 1 2\rdo\r  echo "n=$i"\rdone\recho end\r')
    await h.untilPrompt()
    for (let i = 0; i < 5; i++) await h.untilPrompt()
    expect(await screen(h)).toBe(
      ['root@docker-host:~# for i in 1 2', '> do', '>   echo "n=$i"', '> done', 'n=1', 'n=2', 'root@docker-host:~# echo end', 'end', 'root@docker-host:~#'].join('\n'),
    )
  })

  it('gives the rest of a paste to the command that reads it', async () => {
    const h = await shell()
    h.tty.input('read a b\rfirst second\recho "$b-$a"\r')
    for (let i = 0; i < 4; i++) await h.untilPrompt()
    // The pasted answer arrived while the editor had echo off, so (as on Linux) it is never echoed.
    expect(await screen(h)).toBe('root@docker-host:~# read a b\nroot@docker-host:~# echo "$b-$a"\nsecond-first\nroot@docker-host:~#')
  })
})
