/**
 * Reads docs/library.md — its runnable examples and its tables of public
 * names — and the public entry files (src/index.ts, src/library/*.ts), for
 * the tests of the library API.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));

/** The subpaths of the package (`concert/<subpath>`), in the order of package.json's `exports`. */
export const SUBPATHS = [
  'core',
  'world',
  'powers',
  'relations',
  'deterrence',
  'arms',
  'games',
  'coalitions',
  'scenario',
  'reports',
  'server',
] as const;
export type Subpath = (typeof SUBPATHS)[number];

/** The source entry file of `concert` (undefined) or `concert/<subpath>`. */
export function entryFile(subpath?: Subpath): string {
  return subpath === undefined ? `${root}src/index.ts` : `${root}src/library/${subpath}.ts`;
}

export function libraryDoc(): string {
  return readFileSync(`${root}docs/library.md`, 'utf8');
}

/** A ```ts block of the document and the ```text block after it. */
export interface Example {
  /** The heading the example is under. */
  readonly heading: string;
  /** 1-based line of the ```ts fence. */
  readonly line: number;
  readonly code: string;
  /** What the example prints (the ```text block, with a final newline). */
  readonly expected: string;
}

/**
 * Every ```ts block with the ```text block that must follow it (only blank
 * lines between). A ```ts block without one is an error, not skipped.
 */
export function examples(text: string): Example[] {
  const lines = text.split('\n');
  const out: Example[] = [];
  let heading = '';
  const block = (from: number): { body: string[]; end: number } => {
    const body: string[] = [];
    let k = from;
    while (k < lines.length && lines[k] !== '```') body.push(lines[k++]!);
    if (k === lines.length) throw new Error(`docs/library.md:${from}: unclosed code fence`);
    return { body, end: k };
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('#')) heading = line.replace(/^#+\s*/, '');
    if (line !== '```ts') continue;
    const code = block(i + 1);
    let j = code.end + 1;
    while (j < lines.length && lines[j]!.trim() === '') j++;
    if (lines[j] !== '```text')
      throw new Error(
        `docs/library.md:${i + 1}: a \`\`\`ts block must be followed by the \`\`\`text block it prints`,
      );
    const printed = block(j + 1);
    out.push({
      heading,
      line: i + 1,
      code: `${code.body.join('\n')}\n`,
      expected: printed.body.map((l) => `${l}\n`).join(''),
    });
    i = printed.end;
  }
  return out;
}

/** The example with its `concert` and `concert/<subpath>` imports pointed at the source entry files. */
export function runnableSource(code: string): string {
  return code.replace(
    /(from\s+)(['"])concert(?:\/([a-z]+))?\2/g,
    (_, from: string, quote: string, sub?: string) => {
      if (sub !== undefined && !(SUBPATHS as readonly string[]).includes(sub))
        throw new Error(`the example imports concert/${sub}, which is not a subpath of the package`);
      return `${from}${quote}${pathToFileURL(entryFile(sub as Subpath | undefined)).href}${quote}`;
    },
  );
}

/** Names by kind: values exist at run time, types only for the compiler. */
export interface Names {
  readonly values: string[];
  readonly types: string[];
}

const sorted = (xs: Iterable<string>) => [...xs].sort();

/**
 * The names in the tables under "## Public names", by subpath (`### \`concert/x\``):
 * column 2 lists values, column 3 types.
 */
export function documentedNames(text: string): Map<Subpath, Names> {
  const section = text.split(/^## Public names\s*$/m)[1];
  if (section === undefined) throw new Error('docs/library.md has no "## Public names" section');
  const out = new Map<Subpath, Names>();
  for (const part of section.split(/^### /m).slice(1)) {
    const sub = /^`concert\/([a-z]+)`/.exec(part)?.[1];
    if (sub === undefined) throw new Error(`unexpected heading under "Public names": ${part.split('\n')[0]}`);
    const values: string[] = [];
    const types: string[] = [];
    for (const row of part.split('\n').filter((l) => l.startsWith('|') && !/^\|[-| ]+\|$/.test(l))) {
      const cells = row.split(/(?<!\\)\|/).slice(1, -1);
      if (cells[1]?.trim() === 'Functions, classes and constants') continue;
      const names = (cell: string | undefined) =>
        [...(cell ?? '').matchAll(/`([A-Za-z_$][\w$]*)`/g)].map((m) => m[1]!);
      values.push(...names(cells[1]));
      types.push(...names(cells[2]));
    }
    out.set(sub as Subpath, { values: sorted(values), types: sorted(types) });
  }
  return out;
}

/**
 * The names an entry file exports, read from its `export { … } from '…'`
 * statements (`type X` and `export type { … }` are types; `X as Y` exports Y).
 */
export function declaredNames(file: string): Names {
  const text = readFileSync(file, 'utf8');
  const values: string[] = [];
  const types: string[] = [];
  for (const m of text.matchAll(/^export\s+(type\s+)?\{([^}]*)\}\s*from\s*'[^']+';/gm)) {
    for (const spec of m[2]!
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '')) {
      const isType = m[1] !== undefined || spec.startsWith('type ');
      const name = spec
        .replace(/^type\s+/, '')
        .split(/\s+as\s+/)
        .pop()!;
      (isType ? types : values).push(name);
    }
  }
  const statements = text.match(/^export\b/gm)?.length ?? 0;
  const read = text.match(/^export\s+(type\s+)?\{[^}]*\}\s*from\s*'[^']+';/gm)?.length ?? 0;
  if (statements !== read) throw new Error(`${file}: only \`export { … } from '…'\` statements are expected`);
  return { values: sorted(values), types: sorted(types) };
}
