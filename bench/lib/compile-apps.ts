// Compiles apps/*/src and libs/*/src with SWC (the transform the jest projects use) into
// node_modules/.cache/laowu-bench-apps/ (not dist/, which builds and tests clean), for the stack
// benchmarks; packages still resolve from the repository's node_modules. Why not `nest build`'s dist: tsc emits
// `design:type void 0` for a property typed `ReturnType<…>` (matching's JobMatchResponse.job),
// and @nestjs/swagger then refuses to start the compiled matching app ("circular dependency");
// SWC emits `Object` there, as ts-node and the tests do. Plain JS is run: no compiler in the
// apps' memory.
import { transformFileSync } from '@swc/core';
import { copyFileSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { ROOT } from './report';

export const COMPILED = join(ROOT, 'node_modules', '.cache', 'laowu-bench-apps');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

export function compiledMain(app: string): string {
  return join(COMPILED, 'apps', app, 'src', 'main.js');
}

export function compileApps(): number {
  const roots = ['apps', 'libs'].flatMap((top) => readdirSync(join(ROOT, top)).map((name) => join(ROOT, top, name, 'src')));
  const libs = readdirSync(join(ROOT, 'libs'));
  let count = 0;
  for (const file of roots.flatMap((root) => { try { return files(root); } catch { return []; } })) {
    const out = join(COMPILED, relative(ROOT, file));
    mkdirSync(dirname(out), { recursive: true });
    if (file.endsWith('.json')) copyFileSync(file, out);
    if (!file.endsWith('.ts') || /\.(spec|int-spec|e2e-spec)\.ts$/.test(file) || file.endsWith('.d.ts')) continue;
    const { code } = transformFileSync(file, {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
        target: 'es2022',
        keepClassNames: true,
        baseUrl: ROOT,
        paths: Object.fromEntries(libs.map((lib) => [`@laowu/${lib}`, [`libs/${lib}/src`]])),
      },
      module: { type: 'commonjs' },
      sourceMaps: false,
    });
    writeFileSync(out.replace(/\.ts$/, '.js'), code);
    count++;
  }
  return count;
}
