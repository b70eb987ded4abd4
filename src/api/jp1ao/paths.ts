// Where JP1/AO objects live: the API's object path, and the ids and tags that may go into a request.
import { ApiError } from '../errors';
import type { ListTasksQuery } from './types';

export const objects = '/Automation/v1/objects';

/** An id as a path segment: refuses anything that could leave the resource's path. */
export function idSegment(id: number | string, what: string): string {
  const text = String(id).trim();
  if (!isUsableId(text)) throw new ApiError('invalidInput', `${what} ${JSON.stringify(text.slice(0, 80))} is not a valid JP1/AO id`);
  return text;
}

/** Whether this client will put the id in a request path: letters, digits, `_`, `.`, `-`; not `.` or `..`. */
export function isUsableId(id: number | string): boolean {
  const text = String(id).trim();
  return /^[A-Za-z0-9_.-]+$/.test(text) && text !== '.' && text !== '..';
}

export function joinTags(tags: ListTasksQuery['tags']): string | undefined {
  if (tags === undefined) return undefined;
  const joined = typeof tags === 'string' ? tags : tags.join(',');
  return joined === '' ? undefined : joined;
}
