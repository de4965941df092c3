/**
 * The HTTP face of the error contract (DESIGN.md, "Errors"): every failed
 * request gets one JSON document `{error: {message, problems: [{path,
 * message, line?, column?}]}}` with a status code; never a stack trace.
 * Bad input (schema validation, ConcertError 'bad-input', malformed JSON,
 * oversized bodies) is 4xx with a problem per field; anything else is 500
 * with a generic message, and the fault goes to the server log only.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { type FieldPath, formatProblem, isConcertError, type Problem, reroot } from '../core/errors.js';
import { ServerBusy, TaskOverrun } from './busy.js';

/** One problem as the API reports it: field path, message, and line/column inside submitted text. */
export interface ApiProblem {
  readonly path: (string | number)[];
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

/** The body of every error response. */
export interface ApiError {
  readonly error: { readonly message: string; readonly problems: ApiProblem[] };
}

/** A library problem as an API problem; `prefix` roots its field path (e.g. `['body', 'text']`). */
export function apiProblem(p: Problem, prefix: FieldPath = []): ApiProblem {
  return {
    path: [...prefix, ...(p.path ?? [])],
    message: p.message,
    ...(p.line !== undefined ? { line: p.line } : {}),
    ...(p.column !== undefined ? { column: p.column } : {}),
  };
}

/** The error body for a list of problems. */
export function errorBody(message: string, problems: readonly ApiProblem[] = []): ApiError {
  return { error: { message, problems: [...problems] } };
}

function pathOf(instancePath: string): (string | number)[] {
  return instancePath
    .split('/')
    .filter((s) => s !== '')
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** The message of a request that failed with these problems. */
function summary(problems: readonly ApiProblem[]): string {
  if (problems.length === 1) {
    const p = problems[0]!;
    return formatProblem({ path: p.path, message: p.message });
  }
  return `${problems.length} problems in the request`;
}

/** Fastify's own request errors (body parsing, limits, media type) and their messages for people. */
const REQUEST_ERRORS: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'request body too large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported content type: send application/json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'empty JSON body: send a JSON object',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'the content-length header does not match the body',
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed JSON body',
};

/** Maps any thrown value to a status code and the JSON error body. */
export function toHttpError(err: unknown, bodyLimitBytes: number): { status: number; body: ApiError } {
  if (err instanceof ServerBusy) return { status: 429, body: errorBody(err.message) };
  if (err instanceof TaskOverrun)
    return { status: 422, body: errorBody(err.message, [{ path: ['body'], message: err.message }]) };
  if (hasZodFastifySchemaValidationErrors(err)) {
    const context = (err as { validationContext?: string }).validationContext ?? 'body';
    const problems = err.validation.map((v) => ({
      path: [context, ...pathOf(v.instancePath)],
      message: v.message ?? 'invalid value',
    }));
    return { status: 400, body: errorBody(summary(problems), problems) };
  }
  if (isConcertError(err)) {
    if (err.code === 'bad-input') {
      const problems = err.problems.map((p) => apiProblem(p));
      return { status: 400, body: errorBody(summary(problems), problems) };
    }
    return { status: 500, body: errorBody('internal error: the server could not complete the request') };
  }
  if (isResponseSerializationError(err)) {
    return { status: 500, body: errorBody('internal error: the server produced an invalid response') };
  }
  const e = err as Partial<FastifyError> & { status?: number };
  const status = e.statusCode ?? e.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const code = e.code ?? '';
    let message = REQUEST_ERRORS[code] ?? (err instanceof SyntaxError ? 'malformed JSON body' : e.message);
    if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') message += `: the limit is ${bodyLimitBytes} bytes`;
    else if (err instanceof SyntaxError || code === 'FST_ERR_CTP_INVALID_JSON_BODY')
      message = `malformed JSON body: ${e.message ?? 'cannot parse'}`;
    return {
      status,
      body: errorBody(message ?? 'bad request', [{ path: ['body'], message: message ?? 'bad request' }]),
    };
  }
  return { status: 500, body: errorBody('internal error: the server could not complete the request') };
}

/** The fastify error handler: logs internal faults, answers with the JSON error body. */
export function errorHandler(bodyLimitBytes: number) {
  return (err: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const { status, body } = toHttpError(err, bodyLimitBytes);
    if (status >= 500) request.log.error({ err }, 'internal error');
    if (err instanceof ServerBusy) reply.header('retry-after', String(err.retryAfterS));
    return reply.code(status).type('application/json; charset=utf-8').send(body);
  };
}

/**
 * Runs `fn`, rooting the field paths of its bad input at a request field: a
 * prefix such as `['body', 'pair']`, or a map of the library's path. With
 * `dropPosition`, file, line and column are dropped (for a document the
 * server serialised itself from the request).
 */
export async function underField<T>(
  at: FieldPath | ((path: FieldPath) => FieldPath),
  fn: () => T | Promise<T>,
  options: { readonly dropPosition?: boolean } = {},
): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw reroot(e, typeof at === 'function' ? at : (path) => [...at, ...path], options);
  }
}
