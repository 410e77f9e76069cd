/** `getent DATABASE [KEY...]` (glibc 2.36); only the `hosts` database is modelled. */
export type GetentParse =
  | { readonly ok: true; readonly database: 'hosts'; readonly keys: readonly string[] }
  | { readonly ok: false; readonly stderr: string; readonly exitCode: number }

export function parseGetent(argv: readonly string[]): GetentParse {
  const args = argv.slice(1)
  const database = args[0]
  if (database === undefined) return { ok: false, stderr: 'getent: wrong number of arguments\nTry `getent --help\' or `getent --usage\' for more information.\n', exitCode: 1 }
  if (database !== 'hosts') return { ok: false, stderr: `Unknown database: ${database}\nTry \`getent --help' or \`getent --usage' for more information.\n`, exitCode: 1 }
  return { ok: true, database, keys: args.slice(1) }
}
