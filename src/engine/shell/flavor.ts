/**
 * What differs between GNU bash (the host, Debian-based images such as
 * tomcat), BusyBox ash (alpine, busybox) and dash (/bin/sh on Debian and
 * Ubuntu): message formats, default prompts, what ^D at the prompt prints.
 * The language is the same interpreter; only the words around it change.
 * dash is an Almquist shell like BusyBox's: it shares ash's `kind` (and so
 * ash's behaviour wherever the interpreter asks), and `variant` tells them
 * apart where their words differ.
 */
import type { ExecFailure } from './runtime'

export interface Flavor {
  readonly kind: 'bash' | 'ash'
  /** Which shell of its kind: dash is an ash. */
  readonly variant?: 'dash'
  /** PS1 when the environment does not set one. */
  readonly defaultPs1: string
  /** Printed when an interactive shell reads end of file (bash: "exit"). */
  readonly eofMessage: string
  /** The message for a failed exec, after the "name: [line N: ]" prefix. */
  execFailure(command: string, failure: ExecFailure['error']): string
  /** The prefix of an error message: "bash: ", "bash: line 3: ", "sh: ". */
  prefix(shellName: string, mode: 'interactive' | 'command' | 'script', line: number): string
  /** Syntax error wording. */
  syntaxError(token: string | undefined, message: string): string
}

export const BASH: Flavor = {
  kind: 'bash',
  // Debian's /etc/bash.bashrc and ~/.bashrc set this for root; we have no rc files yet.
  defaultPs1: '\\u@\\h:\\w\\$ ',
  eofMessage: 'exit\n',
  execFailure(command, failure) {
    if (failure === 'not-found') return command.includes('/') ? `${command}: No such file or directory` : `${command}: command not found`
    if (failure === 'is-directory') return `${command}: Is a directory`
    return `${command}: Permission denied`
  },
  prefix(shellName, mode, line) {
    // bash 5.1+ names the line for -c strings and scripts, not at the prompt.
    return mode === 'interactive' ? `${shellName}: ` : `${shellName}: line ${line}: `
  },
  syntaxError(token, message) {
    return token !== undefined ? `syntax error near unexpected token \`${token}'` : `syntax error: ${message}`
  },
}

export const ASH: Flavor = {
  kind: 'ash',
  // BusyBox's default with FEATURE_EDITING_FANCY_PROMPT: "\w \$ ", hence "/data # ".
  defaultPs1: '\\w \\$ ',
  eofMessage: '',
  execFailure(command, failure) {
    if (failure === 'not-found') return `${command}: not found`
    return `${command}: Permission denied`
  },
  prefix(shellName, mode, line) {
    return mode === 'script' ? `${shellName}: line ${line}: ` : `${shellName}: `
  },
  syntaxError(token, message) {
    return token !== undefined ? `syntax error: unexpected "${token}"` : `syntax error: ${message}`
  },
}

/**
 * dash 0.5.11 (Debian bullseye, Ubuntu 20.04): PS1 `# ` for root and `$ `
 * otherwise (dash's own default), every error prefixed with the line number
 * even at the prompt (`sh: 1: foo: not found`), and ^D ends the shell
 * without a word.
 */
export const DASH: Flavor = {
  kind: 'ash',
  variant: 'dash',
  defaultPs1: '\\$ ',
  eofMessage: '',
  execFailure(command, failure) {
    if (failure === 'not-found') return `${command}: not found`
    if (failure === 'is-directory') return `${command}: Permission denied`
    return `${command}: Permission denied`
  },
  prefix(shellName, _mode, line) {
    return `${shellName}: ${line}: `
  },
  syntaxError(token, message) {
    return token !== undefined ? `Syntax error: "${token}" unexpected` : `Syntax error: ${message}`
  },
}
