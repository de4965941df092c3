/**
 * The scenario reports: an ensemble's bands, a paired comparison, and what
 * the run store holds (src/scenario; docs/models/scenario.md).
 */

import type { SourceDocument } from '../core/document.js';
import { badInput, type Problem } from '../core/errors.js';
import { ensembleSummary } from '../runtime/export.js';
import type { EnsembleRecord } from '../runtime/store.js';
import type { Comparison } from '../scenario/compare.js';
import { prepareScenario } from '../scenario/load.js';
import type { Scenario } from '../scenario/scenario.js';
import type { Bands } from '../scenario/summary.js';
import { worldFromDocument } from '../world/index.js';
import type { Document } from './document.js';
import type {
  BandsSchema,
  ComparisonSchema,
  EnsembleSchema,
  RunsListSchema,
  StoredEnsembleSchema,
  ValidationSchema,
} from './schemas/scenario.js';

/** Paired runs per scenario of a comparison when neither the command nor the request says. */
export const DEFAULT_COMPARE_RUNS = 200;

export type BandsDocument = Document<typeof BandsSchema>;
export type EnsembleDocument = Document<typeof EnsembleSchema>;
export type ComparisonDocument = Document<typeof ComparisonSchema>;
export type RunsListDocument = Document<typeof RunsListSchema>;
export type StoredEnsembleDocument = Document<typeof StoredEnsembleSchema>;
export type ValidationDocument = Document<typeof ValidationSchema>;

/** The document of an ensemble of `runs` runs of a scenario with `seed`: the bands of every indicator. */
export function ensembleDocument(
  s: Scenario,
  id: string,
  runs: number,
  seed: number,
  indicators: Readonly<Record<string, Bands>>,
): EnsembleDocument {
  return {
    scenario: s.name,
    runs,
    seed,
    ensemble: id,
    actors: s.actors,
    years: { from: s.years.from, to: s.years.to },
    parameters: s.uncertain.map((u) => u.parameter),
    indicators,
  };
}

/** The document of a comparison: bands of B − A per indicator, with intervals, and the attribution. */
export function comparisonDocument(c: Comparison): ComparisonDocument {
  return {
    scenario: { a: c.a.meta.scenario, b: c.b.meta.scenario },
    runs: c.runs,
    seed: c.seed,
    ensembles: { a: c.a.meta.id, b: c.b.meta.id },
    indicators: c.differences,
    attribution: c.attribution,
  };
}

/** The ensembles a run store holds, newest first. */
export function runsListDocument(store: string, ensembles: readonly EnsembleRecord[]): RunsListDocument {
  return { store, ensembles: ensembles.map(ensembleSummary) };
}

/** One stored ensemble and the bands over the `runs` runs it holds. */
export function storedEnsembleDocument(
  e: EnsembleRecord,
  summary: { readonly runs: number; readonly bands: Readonly<Record<string, Bands>> },
): StoredEnsembleDocument {
  return { ...ensembleSummary(e), runs: summary.runs, parameters: e.parameters, indicators: summary.bands };
}

/** What a valid scenario holds: actors, years, events, uncertain parameters, ensemble and indicators. */
export function scenarioSummary(s: Scenario): NonNullable<ValidationDocument['scenario']> {
  return {
    name: s.name,
    actors: s.actors,
    years: { from: s.years.from, to: s.years.to },
    events: s.events.length,
    uncertain: s.uncertain.map((u) => u.parameter),
    ensemble: { runs: s.ensemble.runs, seed: s.ensemble.seed },
    indicators: s.indicators,
  };
}

/** One kind of input file that {@link validateInput} knows. */
export interface InputKind {
  /** Name shown to users. */
  readonly kind: ValidationDocument['kind'];
  /** What identifies the kind in a parsed document, for the message when nothing matches. */
  readonly feature: string;
  /** True when the parsed document is of this kind (checked in order; the first match wins). */
  readonly detect: (value: unknown) => boolean;
  /** Validates the document (throwing bad input with every problem); its one-line summary and details. */
  readonly validate: (doc: SourceDocument) => Pick<ValidationDocument, 'summary' | 'scenario'>;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** The kinds of input file Concert validates, in detection order (add one entry to add a kind). */
export const INPUT_KINDS: readonly InputKind[] = [
  {
    kind: 'scenario',
    feature: 'top-level `name` and `years` keys',
    detect: (v) => isObject(v) && 'years' in v && 'name' in v,
    validate: (doc) => {
      const s = prepareScenario(doc);
      return {
        summary: `${s.actors.length} actors, years ${s.years.from}..${s.years.to}, ${s.events.length} events, ${s.uncertain.length} uncertain parameters`,
        scenario: scenarioSummary(s),
      };
    },
  },
  {
    kind: 'world',
    feature: 'a top-level `actors` or `extends` key',
    detect: (v) => isObject(v) && ('actors' in v || 'extends' in v),
    validate: (doc) => {
      const w = worldFromDocument(doc);
      return {
        summary: `${Object.keys(w.actors).length} actors, ${w.relations.length} relations, year ${w.year}`,
      };
    },
  },
];

/**
 * Validates a parsed input file of one of `kinds` (detected from its
 * content) and returns its validation document.
 *
 * @throws {ConcertError} bad input with every located problem of the file,
 *   or one problem when its kind cannot be told.
 */
export function validateInput(
  doc: SourceDocument,
  kinds: readonly InputKind[] = INPUT_KINDS,
): ValidationDocument {
  const kind = kinds.find((k) => k.detect(doc.value));
  if (!kind) {
    const pos = doc.locate([]);
    throw badInput({
      file: doc.file,
      line: pos?.line ?? 1,
      column: pos?.column ?? 1,
      message: `cannot tell what kind of file this is: expected ${kinds.map((k) => `a ${k.kind} (${k.feature})`).join(' or ')}`,
    });
  }
  const { summary, scenario } = kind.validate(doc);
  return {
    file: doc.file,
    kind: kind.kind,
    valid: true,
    summary,
    problems: [],
    ...(scenario ? { scenario } : {}),
  };
}

/** The validation document of a file that has `problems`. */
export function invalidInput(
  file: string,
  kind: ValidationDocument['kind'],
  problems: readonly Problem[],
): ValidationDocument {
  return {
    file,
    kind,
    valid: false,
    summary: null,
    problems: problems.map((p) => ({
      path: p.path ?? [],
      message: p.message,
      ...(p.line !== undefined ? { line: p.line } : {}),
      ...(p.column !== undefined ? { column: p.column } : {}),
    })),
  };
}
