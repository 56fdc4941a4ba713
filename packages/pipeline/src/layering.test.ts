// The layering rule of DESIGN.md: pipeline depends on estimator-core only; it never imports
// wrappers, preprocessing, datasets or model-selection (they are test-only devDependencies), and
// apache-arrow is never imported (Arrow tables are recognised by their shape).
import fs from 'node:fs';
import path from 'node:path';
import pkg from '../package.json';

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory())
      return e.name === 'test-utils' || e.name === '__fixtures__' ? [] : sources(p);
    // `.typetest.ts` files are type-level tests (tsc only), like `.test.ts` ones
    const isTest = e.name.endsWith('.test.ts') || e.name.endsWith('.typetest.ts');
    return e.name.endsWith('.ts') && !isTest ? [p] : [];
  });
}

describe('@scikeras/pipeline layering', () => {
  it('library sources import only estimator-core and their own files', () => {
    const files = sources(path.join(__dirname));
    expect(files.length).toBeGreaterThan(15);
    const bad: string[] = [];
    for (const f of files) {
      const text = fs.readFileSync(f, 'utf8');
      for (const m of text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) {
        const spec = m[1]!;
        if (spec.startsWith('.') || spec === '@scikeras/estimator-core') continue;
        bad.push(`${path.relative(__dirname, f)}: ${spec}`);
      }
      if (/require\(/.test(text)) bad.push(`${path.relative(__dirname, f)}: require()`);
    }
    expect(bad).toEqual([]);
  });

  it('depends on estimator-core only; apache-arrow is an optional peer', () => {
    expect(Object.keys(pkg.dependencies)).toEqual(['@scikeras/estimator-core']);
    expect(pkg.peerDependenciesMeta['apache-arrow'].optional).toBe(true);
    expect(Object.keys(pkg.devDependencies).sort()).toEqual([
      '@scikeras/datasets',
      '@scikeras/model-selection',
      '@scikeras/preprocessing',
      '@scikeras/wrappers',
      '@tensorflow/tfjs',
      'apache-arrow',
    ]);
  });
});
