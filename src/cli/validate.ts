/**
 * `concert validate <file>`: reports every problem in an input file with its
 * location (exit 2 if there is any). The kind of file is recognised from its
 * content through a registry, so that other kinds (e.g. scenarios) can be
 * added by appending one entry to {@link FILE_KINDS}.
 */
import type { Command } from '@commander-js/extra-typings';
import { readDocument, type SourceDocument } from '../core/document.js';
import { badInput } from '../core/errors.js';
import { prepareScenario } from '../scenario/load.js';
import { worldFromDocument } from '../world/index.js';
import { action, printJson } from './run.js';

/** One kind of input file `concert validate` knows. */
export interface FileKind {
  /** Name shown to users, e.g. `world`. */
  readonly kind: string;
  /** What identifies the kind in a parsed document, for the error message when nothing matches. */
  readonly feature: string;
  /** True when the parsed document is of this kind (checked in registry order; the first match wins). */
  readonly detect: (value: unknown) => boolean;
  /** Validates the document, throwing a bad-input error with every problem; returns a one-line summary. */
  readonly validate: (doc: SourceDocument) => string;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** The registry of file kinds, in detection order. */
export const FILE_KINDS: FileKind[] = [
  {
    kind: 'scenario',
    feature: 'top-level `name` and `years` keys',
    detect: (v) => isObject(v) && 'years' in v && 'name' in v,
    validate: (doc) => {
      const s = prepareScenario(doc);
      return `${s.actors.length} actors, years ${s.years.from}..${s.years.to}, ${s.events.length} events, ${s.uncertain.length} uncertain parameters`;
    },
  },
  {
    kind: 'world',
    feature: 'a top-level `actors` or `extends` key',
    detect: (v) => isObject(v) && ('actors' in v || 'extends' in v),
    validate: (doc) => {
      const w = worldFromDocument(doc);
      return `${Object.keys(w.actors).length} actors, ${w.relations.length} relations, year ${w.year}`;
    },
  },
];

/** Validates one file: detects its kind and validates it, or throws located bad input. */
export function validateFile(path: string): { file: string; kind: string; summary: string } {
  const doc = readDocument(path);
  const kind = FILE_KINDS.find((k) => k.detect(doc.value));
  if (!kind) {
    const pos = doc.locate([]);
    throw badInput({
      file: path,
      line: pos?.line ?? 1,
      column: pos?.column ?? 1,
      message: `cannot tell what kind of file this is: expected ${FILE_KINDS.map((k) => `a ${k.kind} (${k.feature})`).join(' or ')}`,
    });
  }
  return { file: path, kind: kind.kind, summary: kind.validate(doc) };
}

/** Registers `concert validate`. */
export function register(program: Command): void {
  program
    .command('validate')
    .description(
      `check an input file (${FILE_KINDS.map((k) => k.kind).join(', ')}) and report every problem with its location`,
    )
    .argument('<file>', 'the file to check (YAML, or JSON by its .json extension)')
    .option('--json', 'print JSON on success ({file, kind, valid, summary}); problems go to stderr')
    .action(
      action((file, opts) => {
        const r = validateFile(file);
        if (opts.json) printJson({ ...r, valid: true });
        else process.stdout.write(`${r.file}: valid ${r.kind} (${r.summary})\n`);
      }),
    );
}
