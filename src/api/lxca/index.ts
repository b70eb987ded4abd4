// Public names carry the product prefix: api/index.ts re-exports both product clients side by side.
export { LxcaClient, isUsableJobId as isUsableLxcaJobId } from './client';
export {
  validateCancelCallback,
  validateExpirationTimeOut as validateLxcaExpirationTimeOut,
  CancelCallbackInputError,
  type CancelCallbackField,
} from './callback';
export { groupByCancelHook as groupLxcaJobsByCancelHook, type CancelGroup as LxcaCancelGroup } from './cancelGroups';
export { lxcaError, firstLxcaMessage, type LxcaMessage } from './errors';
export { parseJobList as parseLxcaJobList, parseJob as parseLxcaJob, type JobRecord as LxcaJobRecord } from './jobs';
export { plainText as lxcaPlainText, parseFormattedText as parseLxcaFormattedText } from './text';
export { substituteArgs as substituteLxcaArgs } from './assumptions';
export type {
  CancelCallback,
  CancelCallbackInput,
  CancelHook,
  CancelJobsOptions as LxcaCancelJobsOptions,
  CancelOutcome as LxcaCancelOutcome,
  CancelRestMethod,
  FormattedText as LxcaFormattedText,
  FormattedTextPart as LxcaFormattedTextPart,
  ListJobsOptions as LxcaListJobsOptions,
  LoginResult as LxcaLoginResult,
  LxcaCredentials,
  LxcaJob,
  RequestOptions as LxcaRequestOptions,
} from './types';
