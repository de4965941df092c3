/**
 * Issue 21, the shared YAML/JSON reader (src/core/document.ts): empty and
 * multi-document YAML, alias bombs and huge files end in one located message.
 */
import { describe, expect, it } from 'vitest';
import { MAX_YAML_ALIASES, parseDocument, readTextFile } from '../../src/core/document.js';
import { ConcertError } from '../../src/core/errors.js';
import { expectLocated, runBounded, writeTemp } from './run.js';

function problemsOf(fn: () => unknown): ConcertError['problems'] {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ConcertError);
    return (e as ConcertError).problems;
  }
  throw new Error('expected a ConcertError');
}

describe('document reader: bounded and located', () => {
  it('"%YAML 1.2 / --- / (empty) / ---": a second document, located at its "---" (scenario run and validate)', () => {
    const f = writeTemp({ 's.yaml': '%YAML 1.2\n---\n\n---\n' })['s.yaml']!;
    for (const args of [
      ['run', f, '--store', `${f}.db`],
      ['validate', f],
      ['games', 'equilibria', f],
    ]) {
      expectLocated(
        runBounded(args),
        `${f}:4:1: YAML: a second document starts here; expected exactly one document`,
      );
    }
  });

  it('an empty document ("---" only, or nothing) is named as empty where a mapping was expected', () => {
    const files = writeTemp({ 'a.yaml': '---\n', 'b.yaml': '', 'c.yaml': '# a comment\n' });
    for (const f of Object.values(files)) {
      expectLocated(
        runBounded(['games', 'tournament', f]),
        `${f}:`,
        'the document is empty: expected a mapping',
      );
    }
  });

  it('a billion-laughs document is refused without expanding it', () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    let prev = 'a';
    for (const c of 'bcdefghij') {
      lines.push(`${c}: &${c} [${Array.from({ length: 9 }, () => `*${prev}`).join(',')}]`);
      prev = c;
    }
    const p = problemsOf(() => parseDocument(`${lines.join('\n')}\n`, 'laughs.yaml'));
    expect(p).toHaveLength(1);
    expect(p[0]!.file).toBe('laughs.yaml');
    expect(p[0]!.message).toContain('YAML aliases expand to too much data');
  });

  it(`more than ${MAX_YAML_ALIASES} aliases are refused at the first one beyond, quickly (alias checks are linear)`, () => {
    const text = `x: &x 1\n${Array.from({ length: 20_000 }, (_, i) => `k${i}: *x`).join('\n')}\n`;
    const started = Date.now();
    const p = problemsOf(() => parseDocument(text, 'many.yaml'));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(p).toEqual([
      {
        file: 'many.yaml',
        line: MAX_YAML_ALIASES + 2,
        column: `k${MAX_YAML_ALIASES}: `.length + 1,
        message: `too many YAML aliases: expected at most ${MAX_YAML_ALIASES} (*name references) in one document`,
      },
    ]);
  });

  it('an alias before its anchor is still located', () => {
    const p = problemsOf(() => parseDocument('players: [*a]\nx: &a 1\n', 'fw.yaml'));
    expect(p).toEqual([
      { file: 'fw.yaml', line: 1, column: 11, message: 'YAML alias *a refers to no anchor &a set before it' },
    ]);
  });

  it('a file that never ends (/dev/zero) is read only up to the size bound', () => {
    const p = problemsOf(() => readTextFile('/dev/zero'));
    expect(p).toEqual([
      { file: '/dev/zero', message: 'file is too large: expected at most 67108864 bytes (64 MiB)' },
    ]);
  });

  it('a map of 50,000 keys is read in linear time, and a repeated key is still located', () => {
    const keys = Array.from({ length: 50_000 }, (_, i) => `k${i}: ${i}`);
    const started = Date.now();
    expect(parseDocument(`${keys.join('\n')}\n`, 'big.yaml').value).toHaveProperty('k49999', 49999);
    expect(Date.now() - started).toBeLessThan(5_000);
    const p = problemsOf(() => parseDocument(`${keys.join('\n')}\nk7: 8\n`, 'dup.yaml'));
    expect(p).toEqual([
      {
        file: 'dup.yaml',
        line: 50_001,
        column: 1,
        message: 'YAML syntax error (DUPLICATE_KEY): Map keys must be unique',
      },
    ]);
  });
});
