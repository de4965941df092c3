/**
 * Scenario sources of API requests: scenario text (YAML or JSON) or the id
 * of a shipped scenario (scenarios/*.yaml), parsed, checked and prepared,
 * with every problem located inside the text and rooted at the request field.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { parseDocument, type SourceDocument } from '../../core/document.js';
import { ConcertError, isConcertError } from '../../core/errors.js';
import { prepareScenario } from '../../scenario/load.js';
import { moduleUrl } from '../../runtime/pool.js';
import type { Scenario } from '../../scenario/scenario.js';
import type { ServerContext } from '../context.js';
import { type ApiProblem, apiProblem } from '../errors.js';
import type { ScenarioTextInput, TaskOutcome } from '../tasks.js';

const TASKS = moduleUrl(import.meta.url, '../tasks');

export const ScenarioSourceSchema = z
  .strictObject({
    text: z.string().max(500_000).optional().describe('scenario YAML (or JSON with format: "json")'),
    format: z.enum(['yaml', 'json']).default('yaml'),
    id: z.string().optional().describe('instead of text: a shipped scenario, e.g. "baseline-2017"'),
  })
  .refine((s) => (s.text === undefined) !== (s.id === undefined), {
    error: 'give either text or id',
    path: ['text'],
  });
export type ScenarioSource = z.infer<typeof ScenarioSourceSchema>;

/** Scenario names are file names: lower-case letters, digits and dashes. */
const SCENARIO_ID = /^[a-z0-9][a-z0-9-]*$/;

/** The shipped scenarios: `{id, file, text}` for each `scenarios/*.yaml`, by name. */
export function shippedScenarios(ctx: ServerContext): { id: string; file: string; text: string }[] {
  let names: string[];
  try {
    names = readdirSync(ctx.scenariosDir).filter((f) => /\.ya?ml$/.test(f));
  } catch {
    return [];
  }
  return names.sort().map((f) => ({
    id: f.replace(/\.ya?ml$/, ''),
    file: `scenarios/${f}`,
    text: readFileSync(`${ctx.scenariosDir}/${f}`, 'utf8'),
  }));
}

/** Parses a scenario source to a document; `root` prefixes field paths of problems about the request itself. */
export function documentOf(
  ctx: ServerContext,
  src: ScenarioSource,
  root: (string | number)[],
): SourceDocument {
  if (src.id !== undefined) {
    const found = SCENARIO_ID.test(src.id) ? shippedScenarios(ctx).find((s) => s.id === src.id) : undefined;
    if (!found) {
      const ids = shippedScenarios(ctx).map((s) => s.id);
      throw new ConcertError('bad-input', [
        {
          path: [...root, 'id'],
          message: `unknown scenario "${src.id}": expected one of ${ids.join(', ') || '(none shipped)'}`,
        },
      ]);
    }
    return parseDocument(found.text, found.file, 'yaml');
  }
  checkNotBlank(src, root);
  return parseDocument(src.text ?? '', 'scenario', src.format);
}

/** Blank scenario text is a bad request (400 at `text`), not a document to look into. */
function checkNotBlank(src: ScenarioSource, root: (string | number)[]): void {
  if (src.text !== undefined && src.text.trim() === '')
    throw new ConcertError('bad-input', [
      {
        path: [...root, 'text'],
        message: 'the scenario text is empty: send the YAML (or JSON) of a scenario',
      },
    ]);
}

/**
 * Loads a scenario for a job, or throws bad input whose problems are rooted
 * at `root` (with their line and column in the text). Text is parsed and
 * checked on a request thread, so a large document does not hold the event loop.
 */
export async function loadScenario(
  ctx: ServerContext,
  src: ScenarioSource,
  root: (string | number)[],
): Promise<Scenario> {
  if (src.text === undefined) return loadFor(ctx, src, root);
  checkNotBlank(src, root);
  const o = await ctx.runTask<ScenarioTextInput, TaskOutcome<Scenario>>(
    TASKS,
    'loadScenarioTask',
    { text: src.text, format: src.format },
    'reading the scenario',
  );
  if (o.ok) return o.value;
  throw new ConcertError(
    'bad-input',
    o.problems.map((p) => ({ ...p, path: [...root, ...(p.path ?? [])] })),
  );
}

/**
 * A scenario sent to the server may not name a world file (the server does
 * not read files on a client's behalf): it uses the embedded default world,
 * with overrides.
 */
export function checkNoWorldFile(doc: SourceDocument): void {
  const world = (doc.value as { world?: { file?: unknown } } | null)?.world;
  if (world && typeof world === 'object' && 'file' in world) {
    throw new ConcertError('bad-input', [
      {
        ...doc.locate(['world', 'file']),
        path: ['world', 'file'],
        message:
          'the server does not read world files: use world: { default: YEAR, overrides: … } (or run the scenario with the CLI)',
      },
    ]);
  }
}

/** Validates and prepares a scenario sent to the server (see {@link checkNoWorldFile}). */
export function scenarioOf(doc: SourceDocument): Scenario {
  checkNoWorldFile(doc);
  return prepareScenario(doc);
}

/** Problems of a scenario text, located (line and column inside the text, field path inside the scenario). */
export function scenarioProblems(e: unknown, root: (string | number)[]): ApiProblem[] {
  if (!isConcertError(e) || e.code !== 'bad-input') throw e;
  return e.problems.map((p) => apiProblem(p, root));
}

/** Loads a scenario for a job, or throws bad input whose problems are rooted at `root`. */
export function loadFor(ctx: ServerContext, src: ScenarioSource, root: (string | number)[]): Scenario {
  try {
    return scenarioOf(documentOf(ctx, src, []));
  } catch (e) {
    throw new ConcertError('bad-input', scenarioProblems(e, root));
  }
}
