/**
 * The signed network a relations command works on, from its options: an edge
 * list (`--edges FILE.csv`, a window chosen by `--year`), the relations of a
 * world file (`--world FILE`) or of the default world of `--year`, restricted
 * to `--actors` (the induced sub-network).
 */
import { badInput } from '../core/errors.js';
import {
  inducedSubnetwork,
  networkFromWorld,
  type SignedNetwork,
  signedNetwork,
} from '../models/relations/index.js';
import { loadSignedEdgeListWindows } from '../world/edges.js';
import { DEFAULT_YEAR, loadDefaultWorld, loadWorldFile, type World } from '../world/index.js';
import { Flags, underFlag } from './options.js';

/** Where a network came from, for the output. */
export interface LoadedNetwork {
  readonly net: SignedNetwork;
  readonly source: string;
  readonly world?: World;
}

/** The options every relations command shares. */
export interface NetworkOptions {
  readonly world?: string;
  readonly edges?: string;
  readonly year?: string;
  readonly actors?: string;
}

function parseWindowYear(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{4}$/.test(text.trim()))
    throw badInput({ path: ['--year'], message: `expected a year such as 1962; got "${text}"` });
  return Number(text);
}

/**
 * The network the options name: `--edges FILE.csv` (actors checked against
 * `--world` when both are given; `--year` picks the window of a windowed
 * file), else the relations of `--world FILE`, else of the default world of
 * `--year` (default {@link DEFAULT_YEAR}). `--actors A,B,…` keeps only those.
 */
export function loadNetwork(o: NetworkOptions): LoadedNetwork {
  const year = parseWindowYear(o.year);
  if (o.world !== undefined && o.edges === undefined && year !== undefined) {
    throw badInput({
      path: ['--year'],
      message:
        'a world file carries its own year: give --year only with the default world or a windowed edge list',
    });
  }
  const world =
    o.world !== undefined
      ? loadWorldFile(o.world)
      : o.edges === undefined
        ? loadDefaultWorld({ year: year ?? DEFAULT_YEAR })
        : undefined;
  let loaded: LoadedNetwork;
  if (o.edges !== undefined) {
    const windows = loadSignedEdgeListWindows(o.edges, world ? { actors: Object.keys(world.actors) } : {});
    const chosen = chooseWindow(windows, year, o.edges);
    const nodes = world ? Object.keys(world.actors) : chosen.nodes;
    loaded = {
      net: signedNetwork(nodes, chosen.edges),
      source: chosen.window === '' ? o.edges : `${o.edges} (window ${chosen.window})`,
      ...(world ? { world } : {}),
    };
  } else {
    const w = world!;
    loaded = { net: networkFromWorld(w), source: o.world ?? `default world ${w.year}`, world: w };
  }
  return o.actors === undefined ? loaded : { ...loaded, net: restrictTo(loaded.net, o.actors) };
}

/** The sub-network of `--actors A,B,…` (problems located at the flag and the list item). */
export function restrictTo(net: SignedNetwork, list: string): SignedNetwork {
  const flags = new Flags();
  const ids = flags.list(list, '--actors');
  flags.done();
  return underFlag('--actors', () => inducedSubnetwork(net, ids));
}

function chooseWindow<W extends { window: string; startYear?: number; endYear?: number }>(
  windows: readonly W[],
  year: number | undefined,
  file: string,
): W {
  if (windows.length === 1) {
    if (year !== undefined && windows[0]!.window === '') {
      throw badInput({
        file,
        path: ['--year'],
        message:
          'this edge list has no "window" column: --year applies to windowed edge lists and to the default world',
      });
    }
    return windows[0]!;
  }
  if (year === undefined) {
    throw badInput({
      file,
      path: ['--year'],
      message: `the file holds ${windows.length} windows: choose one with --year`,
    });
  }
  const exact = windows.find((w) => w.startYear === year);
  const containing = windows.filter(
    (w) => w.startYear !== undefined && w.endYear !== undefined && w.startYear <= year && year <= w.endYear,
  );
  const pick = exact ?? containing[containing.length - 1];
  if (pick === undefined) {
    const first = windows[0]?.startYear;
    const last = windows[windows.length - 1]?.endYear;
    throw badInput({
      file,
      path: ['--year'],
      message: `no window contains ${year} (the file covers ${first}–${last})`,
    });
  }
  return pick;
}
