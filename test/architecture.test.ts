/**
 * One house, read from the imports alone: every module imports only its own layer or lower ones
 * (core ← config/logger/i18n ← db ← services ← channels/http ← app ← entry points), and no
 * modules import each other in a circle.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src', import.meta.url));

const LAYERS: readonly [string, RegExp][] = [
  ['core', /^core\//],
  ['base', /^(config\.ts|logger\.ts|i18n\/)/],
  ['db', /^db\//],
  ['services', /^services\//],
  ['channels', /^(channels\/|http\/)/],
  ['app', /^app\.ts$/],
  ['entry', /^(main\.ts|environment\.ts|cli\/)/],
];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

const rel = (file: string) => path.relative(SRC, file).split(path.sep).join('/');
const rank = (file: string) => LAYERS.findIndex(([, pattern]) => pattern.test(file));

function specifiersOf(file: string): string[] {
  const text = readFileSync(path.join(SRC, file), 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((m) => m[1]!);
}

/** The project modules a module imports (static, re-exports and dynamic imports), relative to src. */
function importsOf(file: string): string[] {
  return specifiersOf(file)
    .filter((s) => !s.endsWith('.json'))
    .map((s) => rel(path.resolve(path.dirname(path.join(SRC, file)), s.replace(/\.js$/, '.ts'))));
}

/** The data files (JSON, like the lexicon) a module imports, as absolute paths. */
function dataOf(file: string): string[] {
  return specifiersOf(file).filter((s) => s.endsWith('.json')).map((s) => path.resolve(path.dirname(path.join(SRC, file)), s));
}

const graph = new Map(files(SRC).map((f) => [rel(f), importsOf(rel(f))]));

describe('architecture', () => {
  it('places every module in a layer', () => {
    expect([...graph.keys()].filter((f) => rank(f) < 0)).toEqual([]);
  });

  it('imports only point down the layers', () => {
    const upward = [...graph].flatMap(([file, deps]) =>
      deps.filter((dep) => rank(dep) > rank(file)).map((dep) => `${file} (${LAYERS[rank(file)]![0]}) → ${dep} (${LAYERS[rank(dep)]![0]})`),
    );
    expect(upward).toEqual([]);
  });

  it('channels render: they reach storage through services or core ports, never src/db', () => {
    const direct = [...graph].flatMap(([file, deps]) => (rank(file) === rank('channels/') ? deps.filter((d) => d.startsWith('db/')).map((d) => `${file} → ${d}`) : []));
    expect(direct).toEqual([]);
  });

  it('nothing but main.ts imports app.ts', () => {
    expect([...graph].filter(([file, deps]) => deps.includes('app.ts') && file !== 'main.ts').map(([file]) => file)).toEqual([]);
  });

  it('has no import cycles', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'visiting') {
        cycles.push([...trail.slice(trail.indexOf(file)), file].join(' → '));
        return;
      }
      state.set(file, 'visiting');
      for (const dep of graph.get(file) ?? []) visit(dep, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of graph.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });

  it('resolves every relative import to a file that exists', () => {
    const missing = [...graph].flatMap(([file, deps]) => deps.filter((d) => !graph.has(d)).map((d) => `${file} → ${d}`));
    expect(missing).toEqual([]);
    const data = [...graph.keys()].flatMap((file) => dataOf(file).filter((d) => !existsSync(d)).map((d) => `${file} → ${d}`));
    expect(data).toEqual([]);
  });
});
