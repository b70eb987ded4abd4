/**
 * The operator's answer to a task that waits for a response (AOCR0113, AOCR0114) and the inputs of
 * a resubmit (AOCR0111, AOCR0112), read from and written back into the server's own templates.
 */
import { ApiError } from '../errors';
import type { ActionTemplate } from './types';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `labelbutton1`…`labelbutton9` (the manual writes `labelbuttonX`; the plug-in `labelButtonX`). */
const buttonMember = /^labelbutton([1-9])$/i;

/**
 * Where the step's message may stand in the ResponseInput. DECIDED: the manual does not show it;
 * the first of these that holds text is taken.
 */
export const responseMessageMembers = ['message', 'responseMessage', 'messageText', 'description'] as const;

export interface ResponseButton {
  /** 1–9: the member `labelbutton<number>` and the step's return code. */
  readonly number: number;
  readonly label: string;
  /** The member name as the template spells it. */
  readonly member: string;
}

/** What the Respond form shows: the step's message and its buttons, in their numbers' order. */
export interface ResponseChoices {
  readonly message: string | undefined;
  readonly buttons: readonly ResponseButton[];
  /** The waiting step's instance id, when the template gives it. */
  readonly stepId: string | undefined;
}

/** The ResponseInput of the template: the parameter object that carries buttons. */
function responseInput(template: ActionTemplate): Json | undefined {
  return template.parameters.filter(isObject).find((parameter) => Object.keys(parameter).some((key) => buttonMember.test(key)));
}

export function responseChoices(template: ActionTemplate): ResponseChoices {
  const input = responseInput(template);
  if (!input) return { message: undefined, buttons: [], stepId: undefined };
  const buttons = Object.entries(input)
    .flatMap(([member, value]) => {
      const match = buttonMember.exec(member);
      if (!match) return [];
      const label = typeof value === 'string' && value.trim() !== '' ? value : `#${match[1]}`;
      return [{ number: Number(match[1]), label, member }];
    })
    .sort((a, b) => a.number - b.number);
  const message = responseMessageMembers.map((member) => input[member]).find((value): value is string => typeof value === 'string' && value.trim() !== '');
  const stepId = input.instanceId ?? input.instanceID;
  return { message, buttons, stepId: stepId === undefined ? undefined : String(stepId) };
}

/**
 * The template to post back for button `number`: everything the server gave, with its
 * ResponseInput reduced to the members the manual names — `instanceId`, the chosen `labelbuttonX`
 * and `taskId` — as the template spells and orders them. No member is added.
 */
export function responseBody(template: ActionTemplate, number: number): ActionTemplate {
  const input = responseInput(template);
  if (!input) throw new ApiError('invalidInput', 'The server offered no button to answer this step with');
  const chosen = Object.keys(input).find((key) => buttonMember.exec(key)?.[1] === String(number));
  if (!chosen) throw new ApiError('invalidInput', `The step offers no button ${number}`);
  const answer = Object.fromEntries(Object.entries(input).filter(([key]) => key === chosen || key === 'instanceId' || key === 'taskId'));
  return { ...template, parameters: template.parameters.map((parameter) => (parameter === input ? answer : parameter)) };
}

/** One input of a resubmit: a PropertyValue of the template. */
export interface ResubmitInput {
  readonly keyName: string;
  readonly displayName: string | undefined;
  readonly value: string;
  /** The template lets this value change (DECIDED member: `editable: true`). */
  readonly editable: boolean;
  /** A password: shown masked, posted back as received unless changed. */
  readonly secret: boolean;
}

const valueText = (value: unknown): string => (typeof value === 'string' ? value : value === undefined || value === null ? '' : JSON.stringify(value));

/** The PropertyValue objects of a resubmit template (those with a `keyName`). */
export function resubmitInputs(template: ActionTemplate): ResubmitInput[] {
  return template.parameters.filter(isObject).flatMap((parameter) => {
    if (typeof parameter.keyName !== 'string') return [];
    const type = String(parameter.type ?? '').toLowerCase();
    return [
      {
        keyName: parameter.keyName,
        displayName: typeof parameter.displayName === 'string' ? parameter.displayName : undefined,
        value: valueText(parameter.value),
        editable: parameter.editable === true,
        secret: type === 'password' || /password/i.test(parameter.keyName),
      },
    ];
  });
}

/**
 * The template to post back for a resubmit: as received, with the new value of each editable input
 * that changed. A value the template does not let change is refused.
 */
export function resubmitBody(template: ActionTemplate, changes: Readonly<Record<string, string>> = {}): ActionTemplate {
  const editable = new Set(resubmitInputs(template).filter((input) => input.editable).map((input) => input.keyName));
  for (const key of Object.keys(changes)) {
    if (!editable.has(key)) throw new ApiError('invalidInput', `The input ${key} cannot be changed for a resubmit`);
  }
  const parameters = template.parameters.map((parameter) =>
    isObject(parameter) && typeof parameter.keyName === 'string' && Object.hasOwn(changes, parameter.keyName) ? { ...parameter, value: changes[parameter.keyName] } : parameter,
  );
  return { ...template, parameters };
}
