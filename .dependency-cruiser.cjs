// The import rules of DESIGN.md ("Dependency rules"), checked by `npm test`.
// An arrow in the design is a `may import`; everything else is forbidden here.
// Test files sit beside the code they test and may use the harness in src/testing.
const TESTS = '\\.test\\.tsx?$'
const rule = (name, from, to, comment) => ({ name, severity: 'error', comment, from: { path: from, pathNot: TESTS }, to: { path: to } })

module.exports = {
  forbidden: [
    rule('lib-is-a-leaf', '^src/lib/', '^src/(?!lib/)', 'lib/ holds helpers with no domain behaviour'),
    rule('protocol-only-lib', '^src/protocol/', '^src/(?!protocol/|lib/)', 'the contract depends on nothing but lib'),
    rule('sim-only-lib', '^src/engine/sim/', '^src/(?!engine/sim/|lib/)', 'sim is the bottom layer'),
    rule('kernel-below-docker-shell-programs', '^src/engine/kernel/', '^src/engine/(docker|shell|programs|redis)/|^src/engine/world', 'lower layers never import higher ones'),
    rule('docker-not-shell-or-programs', '^src/engine/docker/', '^src/engine/(shell|programs)/|^src/engine/world', 'the daemon never formats text nor runs programs'),
    rule('shell-not-docker-or-programs', '^src/engine/shell/', '^src/engine/(docker|programs)/|^src/engine/world', 'the shell finds programs through a registry it is given'),
    rule('engine-stays-inside', '^src/engine/', '^src/(?!engine/|protocol/|lib/)', 'engine imports nothing outside engine, protocol and lib'),
    rule('worker-allowed', '^src/worker/', '^src/(store|ui)/', 'the worker knows nothing of the UI'),
    rule('share-allowed', '^src/share/', '^src/(engine|worker|store|ui)/', 'scenario documents are plain data'),
    rule('store-allowed', '^src/store/', '^src/(engine|worker|ui)/', 'the store mirrors records; it does not run the engine'),
    rule('ui-not-engine', '^src/ui/', '^src/(engine|testing|cli)/', 'the UI sees the world only through the store and the protocol'),
    rule('no-production-import-of-testing', '^src/(?!testing/|cli/)(?!.*\\.test\\.tsx?$)', '^src/testing/', 'production code never imports the test harness'),
    {
      name: 'programs-do-not-import-each-other',
      severity: 'error',
      comment: 'one program is one folder; the shell composes them',
      from: { path: '^src/engine/programs/([^/]+)/' },
      to: { path: '^src/engine/programs/', pathNot: '^src/engine/programs/$1/' },
    },
    {
      name: 'no-react-outside-ui',
      severity: 'error',
      from: { path: '^src/(?!ui/|main\\.tsx)' },
      to: { path: 'node_modules/(react|react-dom|@xyflow|@xterm/xterm|@xterm/addon)' },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true, dependencyTypesNot: ['type-only'] } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.app.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
}
