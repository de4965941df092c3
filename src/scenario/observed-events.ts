/**
 * Observed events for the backtest (`concert backtest --events FILE`;
 * docs/validation.md): a file of dated events in the scenario language
 * (data/events-2001-2016.yaml), each with a note naming its source. The
 * backtest adds the events that fall within its simulated years to the
 * template's runs; problems are located in the events file itself.
 */
import { z } from 'zod';
import { type SourceDocument, validateDocument } from '../core/document.js';
import { badInput, ConcertError, isConcertError, type Problem } from '../core/errors.js';
import { EventSchema, type EventType, type ScenarioEvent } from './schema.js';

/** An observed-events file: a name, a description (its provenance) and events, each with a note. */
export const ObservedEventsSchema = z
  .strictObject({
    name: z.string().min(1),
    /** What the file holds and where it comes from. */
    description: z.string().min(1),
    events: z.array(EventSchema).min(1, 'expected at least one event'),
  })
  /* Runs even when other fields have problems, so that every problem is reported at once. */
  .superRefine(
    (f, ctx) => {
      if (f === null || typeof f !== 'object' || !Array.isArray(f.events)) return;
      f.events.forEach((e: unknown, k) => {
        if (e === null || typeof e !== 'object') return;
        const note = (e as { note?: unknown }).note;
        if (typeof note !== 'string' || note.trim() === '')
          ctx.addIssue({
            code: 'custom',
            path: ['events', k, 'note'],
            message: 'an observed event needs a note naming its source (document and date)',
          });
      });
    },
    { when: () => true },
  );

export interface ObservedEvents {
  /** The file the events were read from. */
  readonly file: string;
  readonly name: string;
  readonly events: readonly ScenarioEvent[];
  /** Locates a field path of the file (for problems found once the events meet a world). */
  readonly locate: SourceDocument['locate'];
}

/**
 * Validates a parsed observed-events document.
 *
 * @throws ConcertError (bad input) with every located problem of the file.
 */
export function readObservedEvents(doc: SourceDocument): ObservedEvents {
  if (doc.value === null || doc.value === undefined) {
    const message = 'the events file is empty: expected a mapping with name, description and events';
    throw badInput({ file: doc.file, line: 1, column: 1, path: [], message });
  }
  const f = validateDocument(ObservedEventsSchema, doc);
  return { file: doc.file, name: f.name, events: f.events, locate: doc.locate };
}

/** Event types that change forces or defenses: what the shipped forces of a year already hold. */
const FORCE_EVENTS: ReadonlySet<EventType> = new Set([
  'deploy-missile-defense',
  'change-forces',
  'switch-sensor',
]);

/** One observed event as the backtest applies it. */
export interface AppliedEvent {
  /** Index of the event in the file. */
  readonly index: number;
  /** The year the file gives. */
  readonly listedYear: number;
  /** The event, with the year it is applied in. */
  readonly event: ScenarioEvent;
}

/** Where and among whom the backtest runs: what {@link selectObservedEvents} needs. */
export interface BacktestFrame {
  /** The start year: the world of this year. */
  readonly from: number;
  /** The last simulated year. */
  readonly to: number;
  /** The year of the shipped forces the start world has. */
  readonly forcesYear: number;
  /** The simulated actors. */
  readonly actors: ReadonlySet<string>;
  /** Every actor of the start world (an id outside it is left for the loader to report). */
  readonly world: ReadonlySet<string>;
}

/**
 * The event restricted to the simulated actors: unchanged when it names only
 * them (or an id the world does not know, for the loader to report); its
 * simulated members when it names a group of which at least two are
 * simulated; null when it concerns an actor of the world that is not simulated.
 */
function restrictToActors(e: ScenarioEvent, f: BacktestFrame): ScenarioEvent | null {
  const absent = (id: string) => f.world.has(id) && !f.actors.has(id);
  if ('actors' in e) {
    if (!e.actors.some(absent)) return e;
    const kept = e.actors.filter((id) => !absent(id));
    return new Set(kept).size >= 2 ? { ...e, actors: kept } : null;
  }
  if (absent(e.actor) || ('target' in e && absent(e.target))) return null;
  return e;
}

/**
 * The events a backtest starting from the world of `from` (with the shipped
 * forces of `forcesYear`) and simulating from + 1 … to applies, in year order,
 * restricted to the simulated actors (a group event keeps its simulated
 * members when two or more are; an event of an actor that is not simulated is
 * left out):
 *
 * - an event that changes forces or defenses (deployment, change of forces,
 *   sensor) when it is dated after the forces year and at most `to`; one
 *   dated after the forces year but not after the start year (the start
 *   world's forces are older than its year) takes effect in the first
 *   simulated year; one dated by the forces year is already in those forces;
 * - any other event when it is dated from + 1 … to: what happened by the start
 *   year is in the start world's relations, as far as the relation rule reads
 *   it (a treaty, consultation or sanction begun earlier is not carried over).
 */
export function selectObservedEvents(events: readonly ScenarioEvent[], f: BacktestFrame): AppliedEvent[] {
  const out: AppliedEvent[] = [];
  events.forEach((listed, index) => {
    const y = listed.year;
    const event = restrictToActors(listed, f);
    if (y > f.to || event === null) return;
    if (FORCE_EVENTS.has(event.type)) {
      if (y <= f.forcesYear) return;
      out.push({ index, listedYear: y, event: y > f.from ? event : { ...event, year: f.from + 1 } });
    } else if (y > f.from) out.push({ index, listedYear: y, event });
  });
  // Stable: events of one year keep the file's order.
  return out.sort((a, b) => a.event.year - b.event.year);
}

/**
 * A bad-input error of the backtest scenario whose problems at `events[k]…`
 * are moved to the events file: its name, the event's index there, and the
 * line and column of that field. Anything else is returned unchanged.
 */
export function locateInEventsFile(
  e: unknown,
  observed: ObservedEvents,
  applied: readonly AppliedEvent[],
): unknown {
  if (!isConcertError(e) || e.code !== 'bad-input') return e;
  return new ConcertError(
    'bad-input',
    e.problems.map((p): Problem => {
      const path = p.path ?? [];
      const k = path[1];
      if (path[0] !== 'events' || typeof k !== 'number' || applied[k] === undefined) return p;
      const moved = ['events', applied[k]!.index, ...path.slice(2)];
      return { message: p.message, file: observed.file, ...observed.locate(moved), path: moved };
    }),
  );
}
