/**
 * `concert validate <file>`: reports every problem in an input file with its
 * location (exit 2 if there is any). The kind of file is recognised from its
 * content (reports/scenario INPUT_KINDS: scenario or world).
 */
import type { Command } from '@commander-js/extra-typings';
import { readDocument } from '../core/document.js';
import { INPUT_KINDS, type ValidationDocument, validateInput } from '../reports/index.js';
import { action, printJson } from './run.js';

/** The kinds of file `concert validate` recognises, in detection order. */
export const FILE_KINDS = INPUT_KINDS;

/** Reads and validates one file: its validation document, or located bad input with every problem. */
export function validateFile(path: string): ValidationDocument {
  return validateInput(readDocument(path));
}

/** Registers `concert validate`. */
export function register(program: Command): void {
  program
    .command('validate')
    .description(
      `check an input file (${INPUT_KINDS.map((k) => k.kind).join(', ')}) and report every problem with its location`,
    )
    .argument('<file>', 'the file to check (YAML, or JSON by its .json extension)')
    .option(
      '--json',
      'print JSON on success ({file, kind, valid, summary, problems, scenario?}); problems go to stderr',
    )
    .action(
      action((file, opts) => {
        const doc = validateFile(file);
        if (opts.json) printJson(doc);
        else process.stdout.write(`${doc.file}: valid ${doc.kind} (${doc.summary})\n`);
      }),
    );
}
