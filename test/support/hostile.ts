// Generators of hostile server answers for the fuzz suite (test/unit/fuzz.test.ts): what a broken
// appliance, a proxy or an attacker might send instead of the documented JSON. Bodies are built as
// text so they can hold what JSON.stringify cannot make: numbers past double range, nesting
// thousands deep, truncation, HTML, a byte-order mark.
import fc from 'fast-check';

/** Member names that find something on a plain object's prototype. */
export const prototypeKeys = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'prototype', 'then'];

/** A JSON fragment (text). */
type Json = fc.Arbitrary<string>;

const enc = (value: unknown) => JSON.stringify(value);

const hugeNumbers = ['1e400', '-1e400', '1e308', '-0', '5e-324', '9007199254740993', '123456789012345678901234567890', '0.0000001', '-1', '1e21', '4.5', '100.000001'];

const oddStrings = fc.oneof(
  fc.constantFrom(
    '', ' ', '\u0000', '\n\t\r', '..', '.', '/', '../../etc', '%2e%2e', '<b>bold</b>', '<script>alert(1)</script>',
    '&lt;img src=x onerror=alert(1)&gt;', '[link](command:workbench.action.quit)', '**md**', '\u202eevil', '\ud800',
    'null', 'undefined', 'NaN', '2026-13-45T99:99:99Z', '0000-00-00 00:00:00', '1970-01-01T00:00:00Z', '1e400',
    'password=hunter2', 'Running', 'Complete', 'inProgress', 'failed', ...prototypeKeys,
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

/** Giant strings are rare, so a run stays quick; one is enough to find a quadratic step. */
const giantString = fc.constantFrom(
  'x'.repeat(200_000),
  'password'.repeat(12_500),
  '<p>'.repeat(40_000),
  'a.'.repeat(50_000),
  `${'\\"'.repeat(30_000)}`,
);

const stringJson: Json = fc.oneof({ weight: 20, arbitrary: oddStrings.map(enc) }, { weight: 1, arbitrary: giantString.map(enc) });
const numberJson: Json = fc.oneof(fc.constantFrom(...hugeNumbers), fc.double().map((n) => (Number.isFinite(n) ? String(n) : '0')), fc.integer().map(String));
const scalarJson: Json = fc.oneof(stringJson, numberJson, fc.constantFrom('null', 'true', 'false', '{}', '[]'));

/** `{"a":[{"a":…}]}` nested `depth` deep, built as text. */
export function deepJson(depth: number, leaf = '"x"'): string {
  return '{"a":['.repeat(depth) + leaf + ']}'.repeat(depth);
}

const deepValueJson: Json = fc.constantFrom(40, 500, 5000).map((depth) => deepJson(depth));

/** Any JSON value: scalars, small objects with prototype keys, deep nesting. */
export const anyJson: Json = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 8, arbitrary: scalarJson },
    { weight: 2, arbitrary: fc.array(tie('value'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`) },
    {
      weight: 2,
      arbitrary: fc
        .array(fc.tuple(fc.oneof(oddStrings, fc.constantFrom(...prototypeKeys)), tie('value')), { maxLength: 4 })
        .map((entries) => `{${entries.map(([key, value]) => `${enc(key)}:${value}`).join(',')}}`),
    },
    { weight: 1, arbitrary: deepValueJson },
  ),
})).value;

/** A small pool, so duplicates (and `5` next to `"5"`) come up often. */
const idJson: Json = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('1', '2', '5', '"5"', '" 5 "', '"7"', '"42"', '42.5', '1e3', '"1000"') },
  { weight: 2, arbitrary: fc.constantFrom('""', '"  "', 'null', '"..", "."', '"a/b"', '"__proto__"', '"constructor"', '-1', '0', '1e400', '"\\u0000"', '[]', '{}', 'true') },
  { weight: 1, arbitrary: anyJson },
);

const lxcaStatusJson: Json = fc.oneof(
  fc.constantFrom('"Running"', '"Pending"', '"Complete"', '"Running_With_Errors"', '"Cancelled"', '"Stopped_With_Error"', '"Interrupted"'),
  fc.constantFrom(...prototypeKeys).map(enc),
  fc.record({ state: fc.oneof(fc.constantFrom('"Running"', '"constructor"'), anyJson), percentage: fc.oneof(numberJson, anyJson) }).map((s) => `{"state":${s.state},"percentage":${s.percentage}}`),
  anyJson,
);

const formattedNameJson: Json = fc.oneof(
  stringJson,
  fc.array(fc.record({ text: fc.oneof(stringJson, anyJson), format: fc.oneof(fc.constantFrom('["bold"]', '["newline"]', '"bold"', 'null'), anyJson) }), { maxLength: 3 }).map(
    (parts) => `[${parts.map((p) => `{"text":${p.text},"format":${p.format}}`).join(',')}]`,
  ),
  anyJson,
);

const dateJson: Json = fc.oneof(
  fc.constantFrom('"2026-12-03T07:00:00Z"', '"2026-12-03 07:00:00"', '1764745200000', '1764745200', '"1764745200000"', '"yesterday"', '"2026-02-30T25:61:61+99:99"', '-5', '0', '1e400', '"9999999999999999999"'),
  numberJson,
  anyJson,
);

function objectJson(members: Record<string, Json>, optional = 0.3): Json {
  const entries = Object.entries(members).map(([name, value]) => fc.option(value.map((v) => `${enc(name)}:${v}`), { freq: Math.round(1 / optional) }));
  return fc.tuple(...entries).map((parts) => `{${parts.filter((p): p is string => p !== null).join(',')}}`);
}

/** An LXCA job in either shape, with subtasks a few levels down. */
export const lxcaJobJson: Json = fc.letrec<{ job: string }>((tie) => ({
  job: objectJson({
    jobUID: idJson,
    id: idJson,
    name: formattedNameJson,
    status: lxcaStatusJson,
    percentage: fc.oneof(numberJson, anyJson),
    createdBy: fc.oneof(stringJson, anyJson),
    args: fc.oneof(fc.array(fc.oneof(stringJson, anyJson, fc.constant('{"toString":1}')), { maxLength: 3 }).map((a) => `[${a.join(',')}]`), anyJson),
    startTime: dateJson,
    endTime: dateJson,
    cancelable: fc.oneof(fc.constantFrom('true', 'false', '"true"'), anyJson),
    cancelURL: fc.oneof(stringJson, anyJson),
    cancelRESTMethod: fc.constantFrom('"PUT"', '"DELETE"', '"GET"', '1', 'null'),
    children: fc.oneof(
      { depthSize: 'small' },
      fc.array(tie('job'), { maxLength: 3 }).map((items) => `[${items.join(',')}]`),
      anyJson,
    ),
  }),
})).job;

/** A chain of jobs `depth` deep with 1 KB names: the shape that made signatures grow exponentially. */
const deepJobChain: Json = fc.integer({ min: 20, max: 40 }).map((depth) => {
  let job = '{"jobUID":"leaf","name":"x","status":"Running"}';
  for (let level = depth; level > 0; level--) job = `{"jobUID":"c${level}","name":${enc(`"q" ${'n'.repeat(1024)}`)},"status":"Running","children":[${job}]}`;
  return `[${job}]`;
});

const jobListDeep: Json = fc.constantFrom(100, 2000, 6000).map((depth) => `[${'{"jobUID":"d","children":['.repeat(depth)}{"jobUID":"end"}${']}'.repeat(depth)}]`);

export const lxcaListJson: Json = fc.oneof(
  { weight: 10, arbitrary: fc.array(lxcaJobJson, { maxLength: 8 }).map((jobs) => `[${jobs.join(',')}]`) },
  { weight: 1, arbitrary: lxcaJobJson },
  { weight: 1, arbitrary: deepJobChain },
  { weight: 1, arbitrary: jobListDeep },
  { weight: 1, arbitrary: anyJson },
);

const jp1aoStatusJson: Json = fc.oneof(
  fc.constantFrom('"inProgress"', '"waiting"', '"holding"', '"failed"', '"completed"', '"canceled"', '"longRunning"', '"waitingForInput"', '"abnormalEnd"'),
  fc.constantFrom(...prototypeKeys).map(enc),
  anyJson,
);

export const jp1aoTaskJson: Json = objectJson({
  instanceID: idJson,
  name: fc.oneof(stringJson, anyJson),
  status: jp1aoStatusJson,
  submitter: fc.oneof(stringJson, anyJson),
  startTime: dateJson,
  scheduledStartTime: dateJson,
  completionTime: dateJson,
  modifyTime: dateJson,
  notes: fc.oneof(stringJson, anyJson),
  toDo: fc.oneof(fc.constantFrom('true', 'false', '"true"', '"yes"'), anyJson),
  scheduleID: idJson,
  supportedActionType: fc.oneof(fc.constantFrom('"stop,forceStop"', '"rerunStart"', '""', '"constructor,__proto__"'), anyJson),
  tags: anyJson,
  recurrenceInterval: anyJson,
}, 0.25);

export const jp1aoListJson: Json = fc.oneof(
  { weight: 10, arbitrary: fc.tuple(fc.array(jp1aoTaskJson, { maxLength: 8 }), fc.oneof(numberJson, anyJson)).map(([tasks, count]) => `{"data":[${tasks.join(',')}],"count":${count}}`) },
  { weight: 1, arbitrary: fc.array(jp1aoTaskJson, { maxLength: 3 }).map((tasks) => `{"data":[${tasks.join(',')}]}`) },
  { weight: 1, arbitrary: anyJson },
);

/**
 * Placeholders the hostile server replaces with the connection's secrets as the client knows them
 * (fuzz.test.ts): the password as sent, JSON-escaped, URL-encoded, HTML-escaped or in base64, the
 * Basic value of user and password, the HSSO token, the LXCA session cookie and CSRF token.
 */
export const secretPlaceholders = ['@@PASSWORD@@', '@@PASSWORD_JSON@@', '@@PASSWORD_URL@@', '@@PASSWORD_HTML@@', '@@PASSWORD_B64@@', '@@BASIC@@', '@@TOKEN@@', '@@COOKIE@@', '@@CSRF@@'] as const;

/** Server text that echoes a secret the way real servers and proxies have been seen to. */
export const secretEcho = fc
  .tuple(
    fc.constantFrom('', 'HSSO token ', '"password":"', '<password>', 'password%3D', 'CSRF token mismatch: expected ', '<input name="password" value="', 'Authorization: Basic ', 'session ', 'echo: '),
    fc.constantFrom(...secretPlaceholders),
    fc.constantFrom('', '"', '</password>', '">', ' was refused', '\n'),
  )
  .map(([before, secret, after]) => `${before}${secret}${after}`);

const echoJson: Json = secretEcho.map(enc);

/** An error body in the product's shape (or not), with messages that may be huge, nested or HTML. */
const lxcaErrorJson: Json = fc.oneof(
  fc.record({ id: fc.oneof(stringJson, anyJson), text: fc.oneof(stringJson, anyJson, giantString.map(enc), echoJson, echoJson), explanation: fc.oneof(anyJson, echoJson), recovery: anyJson }).map(
    (m) => `{"result":"failed","messages":[{"id":${m.id},"text":${m.text},"explanation":${m.explanation},"recovery":${m.recovery}}]}`,
  ),
  anyJson,
);
const jp1aoErrorJson: Json = fc.oneof(
  fc.record({ message: fc.oneof(stringJson, anyJson, giantString.map(enc), deepValueJson, echoJson, echoJson), messageID: fc.oneof(stringJson, anyJson), messageData: fc.oneof(anyJson, echoJson) }).map(
    (m) => `{"message":${m.message},"messageID":${m.messageID},"messageData":${m.messageData}}`,
  ),
  anyJson,
);

/** The other JP1/AO answers: one task, an action template or result, version, user, property values, a log. */
export const jp1aoOtherJson: Json = fc.oneof(
  { weight: 4, arbitrary: jp1aoTaskJson },
  { weight: 1, arbitrary: objectJson({ name: stringJson, href: stringJson, method: fc.oneof(stringJson, anyJson), parameters: anyJson, instanceID: idJson, instanceId: idJson }) },
  { weight: 1, arbitrary: objectJson({ productName: fc.oneof(stringJson, anyJson, fc.constant('{"toString":1}')), productVersion: fc.oneof(stringJson, anyJson), apiVersion: fc.oneof(stringJson, anyJson), name: fc.oneof(stringJson, anyJson, fc.constant('{"toString":1}')) }) },
  { weight: 1, arbitrary: fc.array(objectJson({ keyName: fc.oneof(stringJson, anyJson), displayName: fc.oneof(stringJson, anyJson), value: anyJson, line: fc.oneof(stringJson, anyJson) }), { maxLength: 4 }).map((rows) => `{"data":[${rows.join(',')}],"count":${rows.length}}`) },
  { weight: 2, arbitrary: jp1aoListJson },
  { weight: 1, arbitrary: anyJson },
);

export interface HostileResponse {
  status: number;
  /** Undefined: no Content-Type header. */
  contentType?: string;
  body: string;
  /** Send only this many bytes of the body, then close the connection. */
  cutAt?: number;
  bom?: boolean;
  /** A Retry-After header. */
  retryAfter?: string;
}

const contentTypes = fc.constantFrom<string | undefined>(
  'application/json', 'application/json;charset=UTF-8', 'text/html', 'text/plain', 'application/xml', 'application/problem+json', undefined, 'application/octet-stream',
);

const htmlBody = fc.oneof(
  fc.constant('<!DOCTYPE html><html><head><title>502 Bad Gateway</title><style>body{}</style></head><body><h1>Bad   Gateway</h1><script>x()</script></body></html>'),
  fc.constant(`<html><body>${'<div>Proxy\n error &amp; <b>more</b></div>'.repeat(3000)}</body></html>`),
  oddStrings,
  secretEcho.map((echo) => `<html><body><h1>Error</h1><p>${echo}</p></body></html>`),
  secretEcho,
);

function hostileResponse(success: Json, error: Json): fc.Arbitrary<HostileResponse> {
  const errorStatus = fc.constantFrom(400, 401, 403, 404, 409, 412, 429, 500, 502, 503, 504, 302, 418);
  return fc.oneof(
    { weight: 12, arbitrary: fc.record({ status: fc.constant(200), contentType: contentTypes, body: success }) },
    { weight: 2, arbitrary: fc.record({ status: fc.constant(200), contentType: contentTypes, body: success, bom: fc.constant(true) }) },
    { weight: 2, arbitrary: fc.record({ status: fc.constant(200), contentType: contentTypes, body: success }).chain((r) => fc.nat({ max: Math.max(0, r.body.length - 1) }).map((cut) => ({ ...r, body: r.body.slice(0, cut) }))) },
    { weight: 1, arbitrary: fc.record({ status: fc.constant(200), contentType: contentTypes, body: success }).chain((r) => fc.nat({ max: Math.max(0, r.body.length - 1) }).map((cut) => ({ ...r, cutAt: cut }))) },
    { weight: 3, arbitrary: fc.record({ status: errorStatus, contentType: contentTypes, body: error }) },
    { weight: 2, arbitrary: fc.record({ status: fc.constantFrom(200, 500, 503), contentType: fc.constantFrom<string | undefined>('text/html', 'application/json', undefined), body: htmlBody }) },
    { weight: 1, arbitrary: fc.record({ status: fc.constantFrom(200, 204, 500), contentType: contentTypes, body: fc.constant('') }) },
  );
}

export const lxcaResponse = hostileResponse(lxcaListJson, lxcaErrorJson);
export const jp1aoResponse = hostileResponse(jp1aoListJson, jp1aoErrorJson);
/** Any JP1/AO answer: for the calls that read one task, an action, the version, the user, a log. */
export const jp1aoAnyResponse = hostileResponse(fc.oneof(jp1aoListJson, jp1aoOtherJson), jp1aoErrorJson);
/** A response also given a Retry-After header now and then (429 and 503 become "server busy"). */
export function withRetryAfter(responses: fc.Arbitrary<HostileResponse>): fc.Arbitrary<HostileResponse> {
  return fc.tuple(responses, fc.option(fc.constantFrom('0', '3', '120', 'Wed, 21 Oct 2099 07:28:00 GMT', 'soon', '-1', '99999999999'), { freq: 4 })).map(([response, retryAfter]) =>
    retryAfter === null ? response : { ...response, retryAfter },
  );
}
