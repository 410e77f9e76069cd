/**
 * Property tests: whatever is typed into an interactive shell (random
 * bytes, or random soups of shell tokens and editing keys), the engine
 * never throws, the shell comes back to a prompt after ^C, and it gets
 * there within a bounded number of virtual milliseconds and slices.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ShellHarness } from '../../testing/shell-harness'

const TOKENS = [
  'echo', 'x', '"', "'", '$(', ')', '`', '|', '&&', '||', ';', '&', '<<', 'EOF', '>', '>>', '<', '2>&1', 'if', 'then', 'else', 'fi', 'for', 'in', 'do', 'done',
  'while', 'until', 'case', 'esac', ';;', '{', '}', '(', '$((', '))', '1+', '/0', '\\', ' ', ' ', ' ', '$x', '${x:-', '${#', '*', '?', 'sleep 1', 'cat', 'seq 3',
  'read v', 'true', 'false', 'x=1', 'f()', 'alias a=echo', 'a', 'sed s/x/y/', "awk '{print $1}'", 'grep -o x', 'xargs', 'wc -l', 'sort', 'head -1', 'ls -l',
  'set -e', 'set -o pipefail', 'trap "echo t" EXIT', '!!', '!1', 'history', 'kill %1', 'jobs', 'wait', 'type', 'command -v', '[', ']', 'test', '-eq',
  '\r', '\r', '\t', '\t\t', '\x1b[A', '\x1b[B', '\x1b[D', '\x1b[C', '\x1b[H', '\x1b[F', '\x1b[3~', '\x7f', '\x01', '\x05', '\x0b', '\x15', '\x17', '\x19', '\x0c',
]

async function probe(h: ShellHarness, input: string, chunks: number): Promise<void> {
  const step = Math.max(1, Math.ceil(input.length / chunks))
  for (let i = 0; i < input.length; i += step) {
    await h.keys(input.slice(i, i + step), 50)
    await h.runUntil(() => h.shell?.running === false || h.tty.isReading, 5_000, 200)
  }
  // ^C twice: the first may only end a foreground job, the second any half-typed line.
  for (let i = 0; i < 3 && h.shell?.running; i++) {
    await h.keys('\x03', 50)
    await h.untilPrompt(5_000, 200)
  }
  expect(h.output).not.toContain('internal error')
  if (!h.shell?.running) return // `exit`, ^D or EOF ended the shell cleanly
  h.take()
  // Whatever came before, a fresh command line must work (unless the input left a quote or here-document open: ^C closes those too).
  const out = await h.type('echo probe-$((40+2))', 5_000)
  expect(out).toContain('probe-42')
}

describe('interactive shell under random input', () => {
  it('survives random byte strings', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 80 }), fc.integer({ min: 1, max: 6 }), async (input, chunks) => {
        const h = new ShellHarness()
        await h.login()
        await probe(h, input.split('\x03').join(''), chunks)
      }),
      { numRuns: 60, seed: 3 },
    )
  })

  it('survives random token soups, in bash and in ash', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }), fc.constantFrom('bash' as const, 'sh' as const), fc.integer({ min: 1, max: 5 }), async (tokens, shell, chunks) => {
        const h = new ShellHarness({ busybox: shell === 'sh' })
        await h.login(shell)
        await probe(h, tokens.join(''), chunks)
      }),
      { numRuns: 80, seed: 7 },
    )
  })
})
