import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

/**
 * A small repo: two apps, a lib, test folders and scripts, each file with the import under test.
 * `clean` imports are allowed ones that must stay unreported.
 */
const FILES: Record<string, string> = {
  'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@laowu/shared': ['libs/shared/src'], '@laowu/testkit': ['libs/testkit/src'] } } }),
  'libs/shared/src/index.ts': "export const shared = 1;\n",
  'libs/shared/src/reaches-into-app.ts': "import { beta } from '../../../apps/beta/src/beta';\nexport const x = beta;\n",
  'apps/beta/src/beta.ts': "import { shared } from '@laowu/shared';\nexport const beta = shared;\n", // clean
  'apps/beta/src/around-alias.ts': "import { shared } from '../../../libs/shared/src/index';\nexport const b = shared;\n",
  'libs/shared/src/inner.ts': "import { shared } from './index';\nexport const inner = shared;\n", // clean
  'apps/alpha/src/main.ts': "import { one } from './one/one';\nexport const main = one;\n", // clean
  'apps/alpha/src/one/one.ts': "import { two } from '../two/two';\nexport const one = two;\nexport const oneHelper = 1;\n",
  'apps/alpha/src/two/two.ts': "import { oneHelper } from '../one/one';\nexport const two = oneHelper;\n",
  'apps/alpha/src/three/three.ts': "import { beta } from '../../../beta/src/beta';\nexport const three = beta;\n",
  'apps/alpha/src/three/uses-fixture.ts': "import { fixture } from '../../test/alpha.fixtures';\nexport const y = fixture;\n",
  'apps/alpha/src/three/three.spec.ts': "import { helper } from '../../../../test/support/helper';\nexport const z = helper;\n",
  'apps/alpha/test/alpha.fixtures.ts': "import { helper } from '../../../test/support/helper';\nexport const fixture = helper;\n", // clean
  'apps/alpha/test/alpha.int-spec.ts': "import { main } from '../src/main';\nexport const m = main;\n", // clean
  'test/support/helper.ts': "import { api } from '../../scripts/lib/api';\nexport const helper = api;\n",
  'test/integration/tool.int-spec.ts': "import { beta } from '../../apps/beta/src/beta';\nconst tool = require('../../scripts/tool.js');\nexport const t = [beta, tool];\n", // clean: tests a script
  'libs/testkit/src/index.ts': "export const eventually = 1;\n",
  'apps/beta/src/uses-testkit.ts': "import { eventually } from '@laowu/testkit';\nexport const w = eventually;\n",
  'apps/beta/src/beta.spec.ts': "import { eventually } from '@laowu/testkit';\nexport const s = eventually;\n", // clean
  'test/support/reads-bench.ts': "import { rate } from '../../bench/lib/rate';\nexport const r = rate;\n",
  'bench/lib/rate.ts': "export const rate = 1;\n",
  'scripts/lib/api.ts': "export const api = 1;\n",
  'node_modules/@opensearch-project/opensearch/package.json': JSON.stringify({ name: '@opensearch-project/opensearch', main: 'index.js' }),
  'node_modules/@opensearch-project/opensearch/index.js': "exports.Client = class {};\n",
  'libs/search/src/adapter.ts': "import { Client } from '@opensearch-project/opensearch';\nexport const c = Client;\n", // clean
  'apps/beta/src/own-engine.ts': "import { Client } from '@opensearch-project/opensearch';\nexport const d = Client;\n",
  'scripts/tool.js': "module.exports = {};\n",
};

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

function cruiseFixture(baseDir: string): Violation[] {
  const args = ['--config', join(ROOT, '.dependency-cruiser.cjs'), '--output-type', 'json', 'apps', 'libs', 'scripts', 'bench', 'test'];
  let output: string;
  try {
    output = execFileSync(join(ROOT, 'node_modules/.bin/depcruise'), args, { cwd: baseDir, encoding: 'utf8' });
  } catch (error) {
    output = (error as { stdout: string }).stdout; // depcruise exits non-zero when it finds violations
  }
  return (JSON.parse(output) as { summary: { violations: Violation[] } }).summary.violations;
}

describe('dependency rules (.dependency-cruiser.cjs)', () => {
  let baseDir: string;
  let found: string[];

  beforeAll(() => {
    baseDir = mkdtempSync(join(tmpdir(), 'laowu-depcruise-'));
    for (const [path, text] of Object.entries(FILES)) {
      mkdirSync(dirname(join(baseDir, path)), { recursive: true });
      writeFileSync(join(baseDir, path), text);
    }
    found = cruiseFixture(baseDir).map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
  });
  afterAll(() => rmSync(baseDir, { recursive: true, force: true }));

  it.each([
    ['no-app-to-app: apps/alpha/src/three/three.ts → apps/beta/src/beta.ts'],
    ['no-lib-to-app: libs/shared/src/reaches-into-app.ts → apps/beta/src/beta.ts'],
    ['lib-only-through-alias: apps/beta/src/around-alias.ts → libs/shared/src/index.ts'],
    ['no-src-to-test: apps/alpha/src/three/uses-fixture.ts → apps/alpha/test/alpha.fixtures.ts'],
    ['no-unit-spec-to-test: apps/alpha/src/three/three.spec.ts → test/support/helper.ts'],
    ['no-test-to-scripts: test/support/helper.ts → scripts/lib/api.ts'],
    ['no-test-to-scripts: test/support/reads-bench.ts → bench/lib/rate.ts'],
    ['no-shipped-code-to-testkit: apps/beta/src/uses-testkit.ts → libs/testkit/src/index.ts'],
    ['engine-client-only-in-search: apps/beta/src/own-engine.ts → node_modules/@opensearch-project/opensearch/index.js'],
    ['no-folder-cycle-in-app: apps/alpha/src/one → apps/alpha/src/two'],
    ['no-folder-cycle-in-app: apps/alpha/src/two → apps/alpha/src/one'],
  ])('reports %s', (violation) => {
    expect(found).toContain(violation);
  });

  it('reports nothing else: a lib through its alias or from inside, test → src, test → test/support and a test of a script, testkit in a unit spec, the engine client in libs/search pass', () => {
    expect(found).toHaveLength(11);
  });
});
