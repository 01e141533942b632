/** A stable, machine-readable error code shown in JSON errors. */
export type ErrorCode = string;

/**
 * Base of the typed errors: each carries an HTTP status and a stable code, and its message says what to do
 * next. The one error handler turns them into JSON or an HTML page; anything else becomes a 500.
 */
export class HttpError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  constructor(status: number, code: ErrorCode, message: string) {
    super(message);
    this.status = status;
    this.code = code;
    this.name = new.target.name;
  }
}

/** 400: the request itself is wrong. */
export class BadRequestError extends HttpError {
  constructor(code: ErrorCode, message: string) {
    super(400, code, message);
  }
}

/** 401: credentials are missing or wrong. */
export class UnauthorisedError extends HttpError {
  constructor(code: ErrorCode, message: string) {
    super(401, code, message);
  }
}

/** 403: authenticated, but not allowed. */
export class ForbiddenError extends HttpError {
  constructor(code: ErrorCode, message: string) {
    super(403, code, message);
  }
}

/** 404: the thing does not exist (or never did). */
export class NotFoundError extends HttpError {
  constructor(code: ErrorCode, message: string) {
    super(404, code, message);
  }
}

/** 409: the request conflicts with the current state. */
export class ConflictError extends HttpError {
  constructor(code: ErrorCode, message: string) {
    super(409, code, message);
  }
}

/** 415: the body is not of a media type this route accepts. */
export class UnsupportedMediaTypeError extends HttpError {
  constructor(code: ErrorCode, message: string) {
    super(415, code, message);
  }
}

/** 502: an upstream (GitHub, git) failed. */
export class UpstreamError extends HttpError {
  constructor(code: ErrorCode, message: string) {
    super(502, code, message);
  }
}

/** 503: this instance cannot do the work right now (for example the store refuses writes). */
export class UnavailableError extends HttpError {
  constructor(code: ErrorCode, message: string) {
    super(503, code, message);
  }
}

/** 413: the body is larger than the route accepts. */
export class PayloadTooLargeError extends HttpError {
  constructor(code: ErrorCode, message: string) {
    super(413, code, message);
  }
}
