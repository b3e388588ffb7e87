/**
 * What may import what (docs/ARCHITECTURE.md). `npm run lint` runs it over apps, libs, scripts,
 * bench and test; scripts/lint/dependency-rules.spec.ts proves each rule catches a broken import.
 */
const TEST_FOLDER = '^(test|apps/[^/]+/test|libs/[^/]+/test)/';
const UNIT_SPEC = '^(apps|libs)/[^/]+/src/.+\\.spec\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'no-app-to-app',
      comment: 'An app talks to another app through Kafka events, never through its code.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'no-lib-to-app',
      comment: 'Libs are shared by every app, so they never depend on one.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'lib-only-through-alias',
      comment: 'Outside a lib, its code is imported as @laowu/<lib>, never by a relative path into it.',
      severity: 'error',
      from: { path: '^((?:libs/)?[^/]+)/' },
      to: { path: '^libs/', pathNot: '^$1/', dependencyTypesNot: ['aliased-tsconfig'] },
    },
    {
      name: 'engine-client-only-in-search',
      comment: 'Only libs/search talks to a search engine (its adapters); everything else uses @laowu/search.',
      severity: 'error',
      from: { pathNot: '^libs/search/' },
      to: { path: '(^|/)node_modules/(@opensearch-project/opensearch|@elastic/elasticsearch)(/|$)' },
    },
    {
      name: 'no-src-to-test',
      comment: 'Shipped code never depends on a test folder.',
      severity: 'error',
      from: { path: '^(apps|libs)/[^/]+/src/', pathNot: '\\.spec\\.ts$' },
      to: { path: TEST_FOLDER },
    },
    {
      name: 'no-unit-spec-to-test',
      comment: 'Unit specs stand alone: the fixtures of integration tests need the stack.',
      severity: 'error',
      from: { path: UNIT_SPEC },
      to: { path: TEST_FOLDER },
    },
    {
      name: 'no-shipped-code-to-testkit',
      comment: '@laowu/testkit is for tests, scripts and benchmarks; what an app or lib ships never needs it.',
      severity: 'error',
      from: { path: '^(apps|libs)/[^/]+/src/', pathNot: ['^libs/testkit/', '\\.(spec|fixtures)\\.ts$'] },
      to: { path: '^libs/testkit/' },
    },
    {
      name: 'no-test-to-scripts',
      comment:
        'Test helpers live in test/support or @laowu/testkit, not in the tooling or the benchmarks; ' +
        'a test of a script itself (scripts/*.js, e.g. the supervisor) may require that script.',
      severity: 'error',
      from: { path: [TEST_FOLDER, UNIT_SPEC] },
      to: { path: '^(scripts|bench)/', pathNot: '^scripts/[^/]+\\.js$' },
    },
    {
      name: 'no-folder-cycle-in-app',
      comment: 'Feature folders of an app depend on each other one way only.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^apps/[^/]+/src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|coverage)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['require', 'node', 'default'],
      extensions: ['.ts', '.js', '.json'],
    },
  },
};
