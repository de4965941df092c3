/** Refusals because the server is busy (answered 429 with `Retry-After`), and overruns of a request's time. */

/** The server has too much work waiting: try again later. */
export class ServerBusy extends Error {
  constructor(
    message: string,
    readonly retryAfterS: number,
  ) {
    super(message);
    this.name = 'ServerBusy';
  }
}

/**
 * A request's computation ran out of its time or memory on a worker thread
 * and was stopped; the server and its other work go on (answered 422: the
 * input asks for more than the server's budget).
 */
export class TaskOverrun extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TaskOverrun';
  }
}
