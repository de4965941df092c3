/**
 * Loading world files (YAML or JSON) into a validated {@link World}.
 *
 * A world file is either complete (`year`, `actors`, `relations`, …) or an
 * overlay on the embedded default world:
 *
 * ```yaml
 * extends: default            # the default world of 2016
 * extends: { default: 1990 }  # the default world of another year (1816–2016)
 * ```
 *
 * Overlays merge onto the default world: actors deep-merged by id (objects
 * merged key by key, other values replaced; new ids added), relations
 * replaced or added per unordered pair, `trade` and `description` replaced,
 * `year` (optional) replacing the base year. The merged world is validated
 * as a whole and every problem is reported at its position in the user's
 * file (for a field the user did not write, at the nearest thing they did).
 */
import { z } from 'zod';
import { issuesToProblems, parseDocument, readTextFile, type SourceDocument } from '../core/document.js';
import { ConcertError, type Problem } from '../core/errors.js';
import { DEFAULT_YEAR, FIRST_YEAR, LAST_YEAR, loadDefaultWorld } from './default.js';
import { ForcesYearSchema } from './forces.js';
import { withForcesOfYear } from './forces-by-year.js';
import { type World, WorldSchema } from './schema.js';

/** `extends: default` or `extends: { default: YEAR }`. */
export const ExtendsSchema = z.union([
  z.literal('default'),
  z.strictObject({
    default: z
      .number()
      .int()
      .min(FIRST_YEAR, `expected a year from ${FIRST_YEAR} to ${LAST_YEAR}`)
      .max(LAST_YEAR, `expected a year from ${FIRST_YEAR} to ${LAST_YEAR}`),
  }),
]);
export type Extends = z.infer<typeof ExtendsSchema>;

/** The shape an overlay must have before it can be merged (the merged world is then validated in full). */
const OverlaySchema = z.strictObject({
  extends: ExtendsSchema,
  year: z.unknown().optional(),
  description: z.unknown().optional(),
  /** The year of the shipped forces (replaces the base world's): `forces: 2000`. */
  forces: ForcesYearSchema.optional(),
  actors: z
    .record(z.string(), z.record(z.string(), z.unknown(), 'expected an actor (a mapping of fields)'))
    .optional(),
  relations: z.array(z.record(z.string(), z.unknown(), 'expected a relation {a, b, score, kind}')).optional(),
  trade: z.unknown().optional(),
});

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** Deep merge: objects key by key, everything else replaced by the overlay. */
function deepMerge(base: unknown, overlay: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(overlay)) return overlay;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(overlay)) out[k] = k in base ? deepMerge(base[k], v) : v;
  return out;
}

const pairKey = (a: unknown, b: unknown) => {
  const x = String(a);
  const y = String(b);
  return x < y ? `${x}|${y}` : `${y}|${x}`;
};

function ensureNonEmpty(doc: SourceDocument): void {
  if (doc.value === null || doc.value === undefined) {
    throw new ConcertError('bad-input', [
      {
        file: doc.file,
        line: 1,
        column: 1,
        message: 'empty document: expected a world (year, actors, relations) or `extends: default`',
      },
    ]);
  }
}

/** Issues become problems located in the user's document; `relationIndex` maps merged indices back to the user's. */
function locatedProblems(
  issues: readonly z.core.$ZodIssue[],
  doc: SourceDocument,
  relationIndex?: readonly (number | undefined)[],
): Problem[] {
  const remapped = issues.map((issue) => {
    const path = [...issue.path];
    if (relationIndex && path[0] === 'relations' && typeof path[1] === 'number') {
      const userIndex = relationIndex[path[1]];
      return {
        ...issue,
        path: userIndex === undefined ? ['extends'] : ['relations', userIndex, ...path.slice(2)],
      };
    }
    return issue;
  });
  return issuesToProblems(remapped as z.core.$ZodIssue[], doc).map((p) => {
    if (p.line !== undefined) return p;
    const root = doc.locate([]);
    return { ...p, line: root?.line ?? 1, column: root?.column ?? 1 };
  });
}

/**
 * Validates a parsed world document (complete or `extends:` overlay) and
 * returns the world. Throws one bad-input error carrying every problem.
 */
export function worldFromDocument(doc: SourceDocument): World {
  ensureNonEmpty(doc);
  const value = doc.value;
  if (!isPlainObject(value) || !('extends' in value)) {
    const r = WorldSchema.safeParse(value);
    if (r.success) return r.data.forces !== undefined ? withForcesOfYear(r.data, r.data.forces) : r.data;
    throw new ConcertError('bad-input', locatedProblems(r.error.issues, doc));
  }
  const overlay = OverlaySchema.safeParse(value);
  if (!overlay.success) throw new ConcertError('bad-input', locatedProblems(overlay.error.issues, doc));
  const o = overlay.data;
  const baseYear = o.extends === 'default' ? DEFAULT_YEAR : o.extends.default;
  const base =
    o.forces !== undefined
      ? withForcesOfYear(loadDefaultWorld({ year: baseYear }), o.forces, { replace: true })
      : loadDefaultWorld({ year: baseYear });

  const actors: Record<string, unknown> = { ...base.actors };
  for (const [id, actor] of Object.entries(o.actors ?? {}))
    actors[id] = id in actors ? deepMerge(actors[id], actor) : actor;

  const userRelations = o.relations ?? [];
  const overridden = new Set(userRelations.map((r) => pairKey(r.a, r.b)));
  const kept = base.relations.filter((r) => !overridden.has(pairKey(r.a, r.b)));
  const relations: unknown[] = [...kept, ...userRelations];
  const relationIndex: (number | undefined)[] = [
    ...kept.map(() => undefined),
    ...userRelations.map((_, i) => i),
  ];

  const merged: Record<string, unknown> = {
    year: o.year ?? base.year,
    description: o.description ?? base.description,
    ...(o.forces !== undefined ? { forces: o.forces } : {}),
    actors,
    relations,
  };
  if (o.trade !== undefined) merged.trade = o.trade;
  else if (base.trade) merged.trade = base.trade;
  const r = WorldSchema.safeParse(merged);
  if (r.success) return r.data;
  throw new ConcertError('bad-input', locatedProblems(r.error.issues, doc, relationIndex));
}

/**
 * Reads a world file (YAML, or JSON by its `.json` extension), applies
 * `extends:` and validates it. Every problem in the file is reported at once,
 * each with file, line, column and field path.
 */
export function loadWorldFile(path: string): World {
  return worldFromDocument(parseLocated(readTextFile(path), path));
}

/**
 * Text-level problems the document layer could not place (e.g. an unresolved
 * YAML alias) are reported at the start of the file, saying so.
 */
function parseLocated(text: string, file: string, format?: 'yaml' | 'json'): SourceDocument {
  try {
    return parseDocument(text, file, format);
  } catch (e) {
    if (!(e instanceof ConcertError)) throw e;
    throw new ConcertError(
      e.code,
      e.problems.map((p) =>
        p.line !== undefined ? p : { ...p, line: 1, column: 1, message: `${p.message} (position unknown)` },
      ),
    );
  }
}

/** Same as {@link loadWorldFile} for text in memory (`file` names it in messages). */
export function parseWorld(text: string, file: string, format?: 'yaml' | 'json'): World {
  return worldFromDocument(parseLocated(text, file, format));
}
