/**
 * The page side of the webview protocol: a `ready` handshake, request ids, and a check of every
 * message from the host against the form's schema (anything else is ignored and logged).
 */
import { parse, type Parsed } from '../../../src/util/schema';

interface VsCodeApi<State> {
  postMessage(message: unknown): void;
  getState(): State | undefined;
  setState(state: State): void;
}

declare function acquireVsCodeApi<State>(): VsCodeApi<State>;

export interface Page<State, Out> {
  /** What setState saved before the page was last hidden (or reloaded). */
  readonly savedState: State | undefined;
  saveState(state: State): void;
  post(message: Out): void;
  /** A fresh id for a request whose answer will repeat it. */
  nextRequestId(): number;
}

/** The webview state: the page's own, and the host's restore data (JSON text). */
interface Stored<State> {
  page?: State;
  restore?: string;
}

export function startPage<State, In extends { type: string }, Out extends { type: string }>(
  check: (data: unknown) => Parsed<In>,
  onMessage: (message: In) => void,
): Page<State, Out> {
  const api = acquireVsCodeApi<Stored<State>>();
  // What the host needs to rebuild this panel after a window reload travels with the page's state.
  const restore = document.body.dataset.restore;
  const saved = api.getState()?.page;
  api.setState({ page: saved, restore });
  let lastRequestId = 0;
  window.addEventListener('message', (event: MessageEvent) => {
    const parsed = check(event.data);
    if (!parsed.ok) {
      console.warn(`Ops Tasks: ignored a message from the extension (${parsed.problem})`);
      return;
    }
    onMessage(parsed.value);
  });
  const page: Page<State, Out> = {
    savedState: saved,
    saveState: (state) => api.setState({ page: state, restore }),
    post: (message) => api.postMessage(message),
    nextRequestId: () => ++lastRequestId,
  };
  queueMicrotask(() => page.post({ type: 'ready' } as Out));
  return page;
}

/** A checker for `startPage` from a protocol schema. */
export const checkerFor =
  <S extends Parameters<typeof parse>[0]>(schema: S) =>
  (data: unknown) =>
    parse(schema, data);
