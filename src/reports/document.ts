/**
 * What every report shares: the type of a document as builders return it.
 *
 * A report is one zod schema (in `schemas/`) and one pure builder from model
 * output to the JSON document the schema describes. The CLI prints the
 * document (`--json`) or renders its tables from it; the HTTP API returns it
 * as its response (validated by the same schema); the web lab's types are
 * inferred from the schema. Builders take the models' read-only results, so
 * their return type is the schema's output made read-only all the way down.
 */
import type { z } from 'zod';

/** `T` with every array, tuple and object read-only, recursively (a homomorphic mapped type keeps tuples). */
export type DeepReadonly<T> = T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;

/** The document a report's builder returns: the schema's output, read-only. */
export type Document<S extends z.ZodType> = DeepReadonly<z.output<S>>;
