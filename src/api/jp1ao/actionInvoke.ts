// Runs a JP1/AO operation: reads its template, then posts it back to the operation's invoke path.
import { ApiError, notSentError } from '../errors';
import type { TemplatePolicy } from './assumptions';
import { jp1aoError, OperationNotOffered } from './errors';
import { completeTemplate, invokeBody, templateBody } from './parse';
import type { Call, Jp1aoTransport } from './transport';
import type { ActionTemplate, CallOptions, InvokeResult } from './types';

export interface Action {
  /** `…/actions/{name}`: GET gives the template, `/invoke` runs it. */
  path: string;
  name: string;
  subject: string;
  templatePolicy: TemplatePolicy;
}

/** Failures of the template read that are no refusal of the operation: it was not sent, and may be tried again. */
const templateLost: ReadonlySet<ApiError['kind']> = new Set<ApiError['kind']>(['timeout', 'unreachable', 'aborted', 'badResponse', 'tooLarge', 'server', 'uncertain']);

/**
 * GET the action's template and POST it back to `…/invoke` as received (docs/api/jp1ao.md, "Task
 * operations"). The invoke goes to our own path rather than the template's `href`, which may name
 * a host this machine cannot reach.
 */
export async function invokeAction(transport: Jp1aoTransport, action: Action, { signal }: CallOptions = {}): Promise<InvokeResult> {
  let template: ActionTemplate;
  try {
    template = await readTemplate(transport, action, signal);
  } catch (error) {
    // The operation itself was never sent: a lost template read leaves nothing done on the server.
    throw error instanceof ApiError && templateLost.has(error.kind) ? notSentError(error, `${action.subject}: ${action.name} not sent (${error.message})`) : error;
  }
  const { path, subject } = action;
  const response = await transport.call({ method: 'POST', path: `${path}/invoke`, body: template, subject, signal });
  return invokeBody(response);
}

async function readTemplate(transport: Jp1aoTransport, action: Action, signal?: AbortSignal): Promise<ActionTemplate> {
  const request: Call = { method: 'GET', path: action.path, subject: action.subject, signal };
  if (action.templatePolicy === 'required') {
    const response = await transport.send(request);
    // The template is how the server says it offers the operation: 404/409 mean not for this task now.
    if (response.status === 404 || response.status === 409) throw new OperationNotOffered(action.name, action.subject, jp1aoError(response, action.subject));
    return templateBody(transport.ensureOk(response, request), action.name);
  }
  const response = await transport.send(request);
  if (response.status === 404 || response.status === 405) return completeTemplate({}, action.name);
  return templateBody(transport.ensureOk(response, request), action.name);
}

