/**
 * A GNU coreutils subset (plus grep), one Program per name. The world puts
 * files under /bin whose `program` field names these entries; the
 * registry names are the plain utility names.
 */
import type { Program } from '../../shell/runtime'
import { basename, clear, dirname, echo, env, falseProgram, hostname, id, printenv, printf, seq, sleep, trueProgram, whoami } from './basic'
import { cat, cp, mkdir, mv, rm, touch } from './files'
import { date, ls, uname } from './system'
import { awk } from './awk'
import { find, xargs } from './find'
import { kill, ln, ps, which } from './procs'
import { sed } from './sed'
import { cut, grep, head, sort, tee, tr, uniq, wc } from './text'
import { df, du, tail, yes } from './more'

export const coreutils: Record<string, Program> = {
  cat,
  echo,
  hostname,
  clear,
  true: trueProgram,
  false: falseProgram,
  sleep,
  seq,
  env,
  printenv,
  printf,
  mkdir,
  touch,
  rm,
  cp,
  mv,
  basename,
  dirname,
  id,
  whoami,
  ls,
  uname,
  date,
  head,
  tail,
  wc,
  grep,
  sort,
  uniq,
  cut,
  tr,
  tee,
  sed,
  awk,
  find,
  xargs,
  ps,
  kill,
  which,
  ln,
  yes,
  du,
  df,
}
