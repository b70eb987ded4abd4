/** Reading a response body under a size cap, and judging whether it is the JSON the API promises. */
import { ApiError } from './errors';
import type { HttpResponse } from './httpTypes';
import { safeExcerpt, scrubberOf } from './redaction';

type Headers = HttpResponse['headers'];

export function formatSize(bytes: number): string {
  const units: Array<[string, number]> = [
    ['GiB', 2 ** 30],
    ['MiB', 2 ** 20],
    ['KiB', 2 ** 10],
  ];
  for (const [unit, size] of units) {
    if (bytes >= size) return `${Number((bytes / size).toFixed(1))} ${unit}`;
  }
  return `${bytes} bytes`;
}

export function tooLargeError(maxBytes: number, status: number): ApiError {
  return new ApiError(
    'tooLarge',
    `The server's answer was larger than ${formatSize(maxBytes)}, the size limit of this connection.`,
    { status },
  );
}

function headerValue(headers: Headers, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The body as text, read chunk by chunk so an oversized answer is abandoned as soon as it passes
 * the cap rather than after it has filled memory.
 */
export async function readCappedText(
  body: AsyncIterable<Buffer> & { destroy(): unknown },
  headers: Headers,
  maxBytes: number,
  status: number,
): Promise<string> {
  const declaredLength = Number(headerValue(headers, 'content-length'));
  if (declaredLength > maxBytes) {
    body.destroy();
    throw tooLargeError(maxBytes, status);
  }
  const chunks: Buffer[] = [];
  let received = 0;
  for await (const chunk of body) {
    received += chunk.length;
    if (received > maxBytes) {
      body.destroy();
      throw tooLargeError(maxBytes, status);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8').replace(/^\uFEFF/, '');
}

function declaresJson(headers: Headers): boolean {
  return /[/+]json\b/i.test(headerValue(headers, 'content-type') ?? '');
}

function startsLikeJson(text: string): boolean {
  return /^\s*[[{]/.test(text);
}

export function toHttpResponse(status: number, headers: Headers, text: string): HttpResponse {
  if (text.trim() !== '' && (declaresJson(headers) || startsLikeJson(text))) {
    try {
      return { status, headers, text, json: JSON.parse(text) as unknown, isJson: true };
    } catch {
      // Not JSON after all: expectJson explains what it was.
    }
  }
  return { status, headers, text, json: undefined, isJson: false };
}

/** True when JSON text ends inside a string or with brackets still open. */
export function looksTruncated(text: string): boolean {
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (const char of text) {
    if (inString) {
      if (escaped) escaped = false;
      else if (char === '\\') escaped = true;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') depth--;
  }
  return inString || depth > 0;
}

function looksLikeHtml(response: HttpResponse): boolean {
  return /html/i.test(headerValue(response.headers, 'content-type') ?? '') || /^\s*</.test(response.text);
}

/** Why the body is not the JSON the API promises, and whether an excerpt would help. */
function describeNonJson(response: HttpResponse): { reason: string; showExcerpt: boolean } {
  const http = `(HTTP ${response.status})`;
  if (response.text.trim() === '') return { reason: `The server's answer was empty ${http}`, showExcerpt: false };
  if (startsLikeJson(response.text) || declaresJson(response.headers)) {
    return looksTruncated(response.text)
      ? { reason: `The server's answer was cut off ${http}`, showExcerpt: false }
      : { reason: `The server's answer was not valid JSON ${http}`, showExcerpt: true };
  }
  if (looksLikeHtml(response)) {
    return { reason: `The server answered with a web page instead of JSON ${http}`, showExcerpt: true };
  }
  return { reason: `The server answered with text instead of JSON ${http}`, showExcerpt: true };
}

/**
 * The parsed JSON body, or ApiError `badResponse` with the status and a safe excerpt when the body
 * is HTML, plain text, truncated, empty or otherwise not JSON. Statuses are not judged here: the
 * product clients map them first.
 */
export function expectJson(response: HttpResponse): unknown {
  if (response.isJson) return response.json;
  const { reason, showExcerpt } = describeNonJson(response);
  const excerpt = response.text.trim() === '' ? undefined : safeExcerpt(scrubberOf(response)(response.text));
  const message = showExcerpt && excerpt ? `${reason}: “${excerpt}”` : `${reason}.`;
  throw new ApiError('badResponse', message, { status: response.status, excerpt });
}
