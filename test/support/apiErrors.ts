import { strict as assert } from 'node:assert';
import { ApiError, type ApiErrorKind } from '../../src/api/errors';

/** Rejects with an ApiError of this kind; returns it for further checks. */
export async function rejectsWith(promise: Promise<unknown>, kind: ApiErrorKind): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ApiError, `expected an ApiError, got ${String(error)}`);
    assert.equal(error.kind, kind, `kind of "${error.message}"`);
    return error;
  }
  assert.fail(`expected an ApiError ${kind}, but the call succeeded`);
}
