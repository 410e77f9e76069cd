/**
 * Non-local exits inside the interpreter. They are thrown through the
 * async call chain and caught where the language says they stop: a loop
 * (break/continue), a function or sourced file (return), the shell or
 * subshell (exit), the interactive prompt (^C).
 */
export class BreakSignal {
  constructor(public levels: number) {}
}
export class ContinueSignal {
  constructor(public levels: number) {}
}
export class ReturnSignal {
  constructor(readonly status: number) {}
}
/** `exit`, or a fatal error in a non-interactive shell. */
export class ShellExit {
  constructor(readonly status: number) {}
}
/** ^C in an interactive shell: abandon the command line, back to the prompt. */
export class CommandInterrupt {}
/**
 * An error that abandons the command line in an interactive shell (bash's
 * throw_to_top_level, ash's EXERROR), such as a failed fork: back to the
 * prompt with `status` in $?. A non-interactive shell exits instead.
 */
export class CommandAbort {
  constructor(readonly status: number) {}
}
