// Public names carry the product prefix: api/index.ts re-exports both product clients side by side.
export { Jp1aoClient } from './client';
export { isUsableId as isUsableJp1aoId } from './paths';
export { jp1aoStatuses, supportedActionTypeNames as jp1aoSupportedActionTypeNames, type Jp1aoStatus } from './assumptions';
export { formatJp1aoTime, parseJp1aoTime, withOffsetColon } from './dates';
export { OperationNotOffered as Jp1aoOperationNotOffered } from './errors';
export { hqlStatusFilter as jp1aoStatusFilter } from './hql';
export {
  responseBody as jp1aoResponseBody,
  responseChoices as jp1aoResponseChoices,
  resubmitBody as jp1aoResubmitBody,
  resubmitInputs as jp1aoResubmitInputs,
  type ResponseButton as Jp1aoResponseButton,
  type ResponseChoices as Jp1aoResponseChoices,
  type ResubmitInput as Jp1aoResubmitInput,
} from './response';
export type {
  ActionTemplate as Jp1aoActionTemplate,
  CallOptions as Jp1aoCallOptions,
  InvokeResult as Jp1aoInvokeResult,
  Jp1aoClientOptions,
  Jp1aoCredentials,
  Jp1aoLanguage,
  Jp1aoTask,
  Jp1aoTaskAction,
  Jp1aoTaskList,
  Jp1aoUser,
  Jp1aoVersion,
  ListTasksQuery as Jp1aoListTasksQuery,
  PropertyValue as Jp1aoPropertyValue,
  TaskEdit as Jp1aoTaskEdit,
  TaskLogQuery as Jp1aoTaskLogQuery,
} from './types';
