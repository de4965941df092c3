/**
 * The layers of DESIGN.md, enforced: models → reports (schema + document) →
 * cli / server / web. A layer never imports one above it, the server never
 * imports the CLI, and the web lab takes only the report schemas (as types).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** Every module a file imports (static, re-export, dynamic), resolved to a path under the repository. */
function imports(file: string): { spec: string; target: string; typeOnly: boolean }[] {
  const text = readFileSync(file, 'utf8');
  const out: { spec: string; target: string; typeOnly: boolean }[] = [];
  const re =
    /(?:^|\n)\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const m of text.matchAll(re)) {
    const spec = (m[3] ?? m[4])!;
    if (!spec.startsWith('.')) continue;
    out.push({ spec, target: relative(root, resolve(dirname(file), spec)), typeOnly: m[2] !== undefined });
  }
  return out;
}

function importsInto(folder: string, forbidden: readonly string[]): string[] {
  return files(join(root, folder)).flatMap((file) =>
    imports(file)
      .filter((i) => forbidden.some((f) => i.target === f || i.target.startsWith(`${f}/`)))
      .map((i) => `${relative(root, file)} imports ${i.spec}`),
  );
}

describe('layers', () => {
  it('finds the imports it checks (the scan is not vacuous)', () => {
    const server = files(join(root, 'src/server')).flatMap(imports);
    expect(server.some((i) => i.target.startsWith('src/reports'))).toBe(true);
    expect(imports(join(root, 'src/cli/main.ts')).some((i) => i.spec === './arms.js')).toBe(true);
  });

  it('src/server imports nothing from src/cli', () => {
    expect(importsInto('src/server', ['src/cli'])).toEqual([]);
  });

  it('the library (core, world, models, reports, scenario, runtime) imports neither the CLI nor the server', () => {
    const library = ['src/core', 'src/world', 'src/models', 'src/reports', 'src/scenario', 'src/runtime'];
    expect(library.flatMap((folder) => importsInto(folder, ['src/cli', 'src/server']))).toEqual([]);
  });

  it('models never import reports', () => {
    expect(importsInto('src/models', ['src/reports'])).toEqual([]);
  });

  it('the report schemas are zod only: they import other schemas and modules that import nothing', () => {
    const leaf = (target: string) => {
      const file = join(root, target.replace(/\.js$/, '.ts'));
      return imports(file).length === 0 && !/from\s+['"]/.test(readFileSync(file, 'utf8'));
    };
    const allowed = (target: string) =>
      target.startsWith('src/reports/schemas/') ||
      ['src/world/schema.js', 'src/world/forces.js', 'src/scenario/schema.js'].includes(target) ||
      leaf(target);
    const bad = files(join(root, 'src/reports/schemas')).flatMap((file) =>
      imports(file)
        .filter((i) => !allowed(i.target))
        .map((i) => `${relative(root, file)} imports ${i.spec}`),
    );
    expect(bad).toEqual([]);
  });

  it('the web lab takes from src/ only the report schemas, and only as types', () => {
    const bad = files(join(root, 'web/src')).flatMap((file) =>
      imports(file)
        .filter(
          (i) => i.target.startsWith('src/') && !(i.target.startsWith('src/reports/schemas/') && i.typeOnly),
        )
        .map((i) => `${relative(root, file)} imports ${i.spec}`),
    );
    expect(bad).toEqual([]);
  });
});
