/**
 * The engine's default parts: each coupling wired to the real model that
 * provides it. A part whose model is not available is `null` and documented
 * as not wired (docs/models/scenario.md, "Wiring").
 */
import type { EngineParts } from './engine.js';

/** The parts the CLI, the ensembles and the worker threads use. */
export function defaultParts(): EngineParts {
  return { deterrence: null };
}

/** A name for the parts, stored with each ensemble (an ensemble's runs depend on it). */
export function partsName(parts: EngineParts): string {
  return `deterrence=${parts.deterrence?.name ?? 'off'}`;
}
