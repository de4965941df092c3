/**
 * The Security Council files the project ships (`data/unsc/*.json`: today's
 * Council, the Council before 1965, reform proposals; data/SOURCES.md), read
 * as layered simple games with their seat groups.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readDocument } from '../core/document.js';
import { ConcertError, isConcertError } from '../core/errors.js';
import { checkGroups } from '../models/coalitions/council.js';
import { readSimpleGame, type SimpleGameDocument } from '../models/coalitions/index.js';

/** The shipped council files, two levels above this file in src/ and in dist/. */
const UNSC_DIR = fileURLToPath(new URL('../../data/unsc/', import.meta.url));

/** A council file as read: its id, the path shown for it, and its game. */
export interface CouncilFile {
  readonly id: string;
  readonly file: string;
  readonly doc: SimpleGameDocument;
}

function councilId(path: string): string {
  return (path.split('/').pop() ?? path).replace(/\.(json|ya?ml)$/, '');
}

/**
 * Reads one council file; a shipped file is shown as `data/unsc/NAME`, another
 * as given. Its groups are checked here, where their lines are known (the
 * power computation would name no file).
 */
export function readCouncil(path: string): CouncilFile {
  const source = readDocument(path);
  const doc = readSimpleGame(source);
  try {
    checkGroups(doc.game, doc.groups ?? {});
  } catch (e) {
    if (!isConcertError(e) || e.code !== 'bad-input') throw e;
    throw new ConcertError(
      'bad-input',
      e.problems.map((p) => ({ file: source.file, ...source.locate(p.path ?? []), ...p })),
    );
  }
  return {
    id: councilId(path),
    file: path.startsWith(UNSC_DIR) ? `data/unsc/${path.slice(UNSC_DIR.length)}` : path,
    doc,
  };
}

/**
 * Today's Council, then either the user's `reform` file or every other
 * shipped council: before 1965 first, then the rest by name.
 */
export function loadCouncils(reform?: string): CouncilFile[] {
  const today = `${UNSC_DIR}current.json`;
  if (reform !== undefined) return [readCouncil(today), readCouncil(reform)];
  const others = readdirSync(UNSC_DIR)
    .filter((f) => f.endsWith('.json') && f !== 'current.json')
    .sort((a, b) => (a === 'pre-1965.json' ? -1 : b === 'pre-1965.json' ? 1 : a.localeCompare(b)));
  return [today, ...others.map((f) => `${UNSC_DIR}${f}`)].map(readCouncil);
}
