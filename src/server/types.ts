/** The fastify instance type the routes are written against (zod type provider). */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';

export type Api = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** A library result seen as plain JSON data: the same value, with `readonly` dropped from its type. */
export type Json<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends object
    ? { -readonly [K in keyof T]: Json<T[K]> }
    : T;

/** Types a library result as the response schema's (mutable) JSON; no copy, no change at run time. */
export function json<T>(value: T): Json<T> {
  return value as Json<T>;
}
