// Sends one JP1/AO call with the session's Authorization and turns any answer but a 2xx into an ApiError.
import { ApiError } from '../errors';
import type { HttpClient, HttpRequest, HttpResponse, QueryValue } from '../http';
import { jp1aoError } from './errors';
import { type Jp1aoSession, SessionRejected } from './session';

export interface Call {
  method: HttpRequest['method'];
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
  /** Names the object in a 404 message, e.g. "Task 42". */
  subject?: string;
}

export class Jp1aoTransport {
  constructor(
    private readonly http: HttpClient,
    private readonly session: Jp1aoSession,
    private readonly language: string,
  ) {}

  /** Sends the call and returns its 2xx response; any other status becomes an ApiError. */
  async call(call: Call): Promise<HttpResponse> {
    return this.ensureOk(await this.send(call), call);
  }

  ensureOk(response: HttpResponse, call: Call): HttpResponse {
    if (response.status >= 200 && response.status < 300) return response;
    throw jp1aoError(response, call.subject);
  }

  async send(call: Call): Promise<HttpResponse> {
    try {
      return await this.session.send((authorization) =>
        this.http.request({
          method: call.method,
          path: call.path,
          query: call.query,
          body: call.body,
          signal: call.signal,
          headers: { Accept: 'application/json', 'Accept-Language': this.language, Authorization: authorization },
        }),
      );
    } catch (error) {
      if (!(error instanceof SessionRejected)) throw error;
      if (error.response) throw jp1aoError(error.response, call.subject);
      throw new ApiError('auth', 'JP1/AO did not accept the user name or password', { status: 401 });
    }
  }
}
