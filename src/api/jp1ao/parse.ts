import { ApiError } from '../errors';
import { expectJson, type HttpResponse } from '../http';
import { taskLogLineMembers } from './assumptions';
import type { ActionTemplate, InvokeResult, Jp1aoTask, PropertyValue } from './types';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function unexpected(what: string, response: HttpResponse): ApiError {
  return new ApiError('badResponse', `The JP1/AO server answered with something that is not ${what}`, {
    status: response.status,
  });
}

/** The JSON object of a 2xx response; ApiError badResponse otherwise. */
export function objectBody(response: HttpResponse, what: string): Json {
  const json = expectJson(response);
  if (!isObject(json)) throw unexpected(what, response);
  return json;
}

export function isTask(value: unknown): value is Jp1aoTask {
  if (!isObject(value)) return false;
  const id = value.instanceID;
  return (typeof id === 'number' && Number.isFinite(id)) || (typeof id === 'string' && id.trim() !== '');
}

export function taskBody(response: HttpResponse): Jp1aoTask {
  const json = objectBody(response, 'a task');
  if (!isTask(json)) throw unexpected('a task', response);
  return json;
}

/** `{data, count}` (docs/api/jp1ao.md, "Conventions"). `count` falls back to the page length when missing. */
export function listBody(response: HttpResponse, what: string): { data: unknown[]; count: number } {
  const json = objectBody(response, what);
  const data = json.data ?? [];
  if (!Array.isArray(data)) throw unexpected(what, response);
  const count = typeof json.count === 'number' && Number.isFinite(json.count) ? json.count : data.length;
  return { data, count };
}

export function propertyValuesBody(response: HttpResponse): PropertyValue[] {
  return listBody(response, 'a list of property values').data.filter(isObject);
}

function logLine(entry: unknown): string | undefined {
  if (typeof entry === 'string') return entry;
  if (!isObject(entry)) return undefined;
  for (const member of taskLogLineMembers) {
    if (typeof entry[member] === 'string') return entry[member] as string;
  }
  return undefined;
}

/** Log lines from `{data: [{line}]}`; a plain-text 2xx body is taken line by line. */
export function taskLogBody(response: HttpResponse): string[] {
  const contentType = String(response.headers['content-type'] ?? '');
  if (!response.isJson && /^text\/plain\b/i.test(contentType)) {
    return response.text === '' ? [] : response.text.replace(/\r?\n$/, '').split(/\r?\n/);
  }
  return listBody(response, 'a task log')
    .data.map(logLine)
    .filter((line): line is string => line !== undefined);
}

/** The action template, with what the invoke needs filled in when the server left it out. */
export function templateBody(response: HttpResponse, name: string): ActionTemplate {
  return completeTemplate(objectBody(response, 'an action template'), name);
}

export function completeTemplate(json: Json, name: string): ActionTemplate {
  return {
    ...json,
    name: typeof json.name === 'string' ? json.name : name,
    ...(typeof json.href === 'string' ? { href: json.href } : {}),
    method: typeof json.method === 'string' ? json.method : 'POST',
    parameters: Array.isArray(json.parameters) ? json.parameters : [],
  };
}

/** The invoke result; an empty 2xx body is an empty result. `instanceId` also fills `instanceID`. */
export function invokeBody(response: HttpResponse): InvokeResult {
  if (response.text.trim() === '') return {};
  const result: InvokeResult = objectBody(response, 'an operation result');
  if (result.instanceID === undefined && result.instanceId !== undefined) return { ...result, instanceID: result.instanceId };
  return result;
}
