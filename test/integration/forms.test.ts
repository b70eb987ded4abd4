// The forms' host side inside a real extension host: the real registry, connections and clients of
// the running extension against simulators started here, with the page replaced by a fake channel
// that sends raw (possibly malformed) messages exactly as a webview would.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { OpsTasksTestApi } from '../../src/extension';
import type { Connection } from '../../src/connections/connection';
import { startJp1aoSimulator, startLxcaSimulator } from '../../src/simulator';
import type { Jp1aoSimulator, LxcaSimulator, RecordedRequest } from '../../src/simulator/types';
import type { TaskNode, TreeNode } from '../../src/tree/nodes';
import { CallbackForm } from '../../src/webview/callbackForm';
import { DetailsForm } from '../../src/webview/detailsForm';
import { connectForm, type FormChannel, type FormController } from '../../src/webview/formHost';
import { NotesForm } from '../../src/webview/notesForm';
import { RespondForm } from '../../src/webview/respondForm';
import { detailsActions } from '../../src/commands/detailsActions';
import {
  callbackPageMessage,
  detailsPageMessage,
  notesPageMessage,
  respondPageMessage,
  type RespondHostMessage,
  type RespondPageMessage,
  type CallbackHostMessage,
  type CallbackPageMessage,
  type DetailsHostMessage,
  type DetailsPageMessage,
  type NotesHostMessage,
  type NotesPageMessage,
} from '../../src/webview/protocol';
import { parse, type Parsed } from '../../src/util/schema';
import { until } from '../support/wait';
import { useExtensionHost } from '../support/extensionHost';

const tasksPath = '/Automation/v1/objects/Tasks';
const names = { jp1ao: 'Forms JP1/AO', lxca: 'Forms LXCA' } as const;

/** Stands in for a webview: `send` delivers raw data to the host, `next` awaits the host's answer. */
class FakePage<Out extends { type: string }> implements FormChannel<Out> {
  readonly posted: Out[] = [];
  readonly rejected: string[] = [];
  private listener: ((data: unknown) => void) | undefined;
  private waiters: { type: string; resolve: (message: Out) => void }[] = [];
  private seen = 0;

  post(message: Out): Thenable<boolean> {
    this.posted.push(message);
    this.flush();
    return Promise.resolve(true);
  }

  onMessage(listener: (data: unknown) => void): vscode.Disposable {
    this.listener = listener;
    return { dispose: () => (this.listener = undefined) };
  }

  send(data: unknown): void {
    this.listener?.(data);
  }

  /** The next message of this type posted after the previous `next`. */
  next<T extends Out['type']>(type: T): Promise<Extract<Out, { type: T }>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "${type}" message; got ${JSON.stringify(this.posted.map((m) => m.type))}`)), 15_000);
      this.waiters.push({ type, resolve: (message) => (clearTimeout(timer), resolve(message as Extract<Out, { type: T }>)) });
      this.flush();
    });
  }

  private flush(): void {
    while (this.waiters.length && this.seen < this.posted.length) {
      const message = this.posted[this.seen++]!;
      const index = this.waiters.findIndex((waiter) => waiter.type === message.type);
      if (index >= 0) this.waiters.splice(index, 1)[0]!.resolve(message);
    }
  }
}

/** Connects a form to a fake page, runs `use` against the page and disconnects, whatever happens. */
async function openForm<In extends { type: string }, Out extends { type: string }>(
  check: (data: unknown) => Parsed<In>,
  create: (page: FakePage<Out>) => FormController<In>,
  use: (page: FakePage<Out>) => Promise<void>,
): Promise<void> {
  const page = new FakePage<Out>();
  const connection = connectForm(page as FormChannel<unknown>, check, create(page), {
    onRejected: (problem) => page.rejected.push(problem),
    onFailure: (error) => page.rejected.push(`failure: ${String(error)}`),
  });
  try {
    await use(page);
  } finally {
    connection.dispose();
  }
}

function puts(requests: readonly RecordedRequest[]): RecordedRequest[] {
  return requests.filter((request) => request.method === 'PUT');
}

describe('forms: the host side of the webview forms', function () {
  this.timeout(30_000);
  let api: OpsTasksTestApi;
  let jp1ao: Jp1aoSimulator;
  let lxca: LxcaSimulator;
  const host = useExtensionHost();

  before(async function () {
    this.timeout(60_000);
    api = host().api;
    [jp1ao, lxca] = await Promise.all([startJp1aoSimulator({ size: 30, newItemEveryMs: 0 }), startLxcaSimulator({ size: 30, newItemEveryMs: 0 })]);
    await host().connect(
      [
        { name: names.jp1ao, kind: 'jp1ao', baseUrl: jp1ao.url, username: jp1ao.username },
        { name: names.lxca, kind: 'lxca', baseUrl: lxca.url, username: lxca.username },
      ],
      { [names.jp1ao]: jp1ao.password, [names.lxca]: lxca.password },
    );
    for (const name of Object.values(names)) {
      const connection = await until(name, () => api.registry.get(name));
      await api.registry.refresh(connection);
      assert.equal(connection.store.state.kind, 'loaded', `${name} loaded its tasks`);
    }
  });

  after(async function () {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await Promise.all([jp1ao?.close(), lxca?.close()]);
  });

  beforeEach(() => {
    for (const simulator of [jp1ao, lxca]) {
      simulator.clearRequests();
      simulator.faults.failNext = undefined;
    }
  });

  const connection = (name: string): Connection => api.registry.get(name)!;

  /** A finished JP1/AO task (its modifyTime no longer moves by itself) shown in the tree. */
  function finishedTask(skip: readonly number[] = []): { id: string; key: string } {
    const task = jp1ao.tasks().find((candidate) => candidate.status === 'completed' && !skip.includes(candidate.instanceID));
    assert.ok(task, 'the simulator has a completed task');
    const key = `${names.jp1ao}/${task.instanceID}`;
    assert.ok(connection(names.jp1ao).store.find(key), 'the task is in the tree');
    return { id: String(task.instanceID), key };
  }

  async function taskNode(name: string, key: string): Promise<TaskNode> {
    const roots = await api.provider.getChildren();
    const root = roots.find((node) => node.kind === 'connection' && node.connection.name === name);
    assert.ok(root, `${name} is in the tree`);
    const children: TreeNode[] = await api.provider.loadedChildren(root);
    const node = children.find((child): child is TaskNode => child.kind === 'task' && child.task.key === key);
    assert.ok(node, `${key} is in the tree`);
    return node;
  }

  function notesForm(target: { id: string; key: string }, use: (page: FakePage<NotesHostMessage>) => Promise<void>) {
    return openForm<NotesPageMessage, NotesHostMessage>((data) => parse(notesPageMessage, data), (page) => new NotesForm(api.registry, { connection: names.jp1ao, ...target }, page), use);
  }

  describe('Edit Notes and TODO', () => {
    it('loads the task after ready and saves with a PUT carrying exactly notes and toDo', async () => {
      const target = finishedTask();
      await notesForm(target, async (page) => {
        page.send({ type: 'ready' });
        const loaded = await page.next('loaded');
        assert.equal(loaded.requestId, undefined);
        assert.equal(loaded.saved.modifyTime, jp1ao.task(target.id).modifyTime);
        assert.ok(loaded.summary.some((row) => row.label === 'Name' && row.value === jp1ao.task(target.id).name));
        jp1ao.clearRequests();

        page.send({ type: 'save', requestId: 7, notes: 'checked by ops\nline 2', toDo: true, baseModifyTime: loaded.saved.modifyTime });
        const saved = await page.next('saved');
        assert.equal(saved.requestId, 7);
        assert.deepEqual(saved.saved.notes, 'checked by ops\nline 2');
        const [put, ...more] = puts(jp1ao.requests);
        assert.deepEqual(more, [], 'one PUT');
        assert.equal(put!.path, `${tasksPath}/${target.id}`);
        assert.deepEqual(put!.body, { notes: 'checked by ops\nline 2', toDo: true });
        assert.equal(jp1ao.task(target.id).notes, 'checked by ops\nline 2');
        assert.equal(jp1ao.task(target.id).toDo, true);
        assert.equal(saved.saved.modifyTime, jp1ao.task(target.id).modifyTime, 'the new modifyTime is the base of the next save');

        const node = await taskNode(names.jp1ao, target.key);
        assert.equal(node.task.toDo, true, 'the tree node has the new flag');
        const item = api.provider.getTreeItem(node);
        assert.match(String(item.description), /^[^·]+ · TODO\b/, 'status first, then TODO');
        assert.notEqual((item.iconPath as { id?: string }).id, 'bookmark', 'TODO is marked in the description; the icon stays the status');
      });
    });

    it('ignores messages that do not fit the protocol, sending nothing', async () => {
      const target = finishedTask();
      await notesForm(target, async (page) => {
        for (const bad of [
          { type: 'save', requestId: '1', notes: 'x', toDo: true },
          { type: 'save', requestId: 1, notes: 42, toDo: true },
          { type: 'save', requestId: 1, notes: 'x' },
          { type: 'put', requestId: 1 },
          'save',
          null,
        ]) {
          page.send(bad);
        }
        await until('the six messages to be refused', () => page.rejected.length >= 6);
        assert.equal(page.rejected.length, 6, page.rejected.join('\n'));
        assert.deepEqual(page.posted, []);
        assert.deepEqual(puts(jp1ao.requests), []);
      });
    });

    it('does not overwrite a task changed on the server since the form loaded, until told to', async () => {
      const target = finishedTask();
      await notesForm(target, async (page) => {
        page.send({ type: 'ready' });
        const loaded = await page.next('loaded');
        // Someone else edits the task.
        const other = await fetch(`${jp1ao.url}${tasksPath}/${target.id}`, {
          method: 'PUT',
          headers: {
            Authorization: `Basic ${Buffer.from(`${jp1ao.username}:${jp1ao.password}`).toString('base64')}`,
            'Content-Type': 'application/json',
            Accept: 'application/json',
            'Accept-Language': 'en',
          },
          body: JSON.stringify({ notes: 'their note', toDo: false }),
        });
        assert.equal(other.status, 200);
        jp1ao.clearRequests();

        page.send({ type: 'save', requestId: 1, notes: 'my note', toDo: true, baseModifyTime: loaded.saved.modifyTime });
        const conflict = await page.next('conflict');
        assert.equal(conflict.server.notes, 'their note');
        assert.notEqual(conflict.server.modifyTime, loaded.saved.modifyTime);
        assert.deepEqual(puts(jp1ao.requests), [], 'nothing written');
        assert.equal(jp1ao.task(target.id).notes, 'their note');

        page.send({ type: 'save', requestId: 2, notes: 'my note', toDo: true, baseModifyTime: conflict.server.modifyTime });
        await page.next('saved');
        assert.deepEqual(puts(jp1ao.requests).map((put) => put.body), [{ notes: 'my note', toDo: true }]);
        assert.equal(jp1ao.task(target.id).notes, 'my note');
      });
    });

    it("reports a refused save with the server's message and changes nothing", async () => {
      const target = finishedTask();
      const before = jp1ao.task(target.id).notes;
      await notesForm(target, async (page) => {
        page.send({ type: 'ready' });
        const loaded = await page.next('loaded');
        jp1ao.faults.failNext = { status: 400, count: 1, path: /\/Tasks\/\d+$/ };
        jp1ao.clearRequests();
        // The read before the save is refused: nothing is written.
        page.send({ type: 'save', requestId: 4, notes: 'mine', toDo: false, baseModifyTime: loaded.saved.modifyTime });
        const failed = await page.next('failed');
        assert.equal(failed.requestId, 4);
        assert.match(failed.message, /KNAE\d+-E/, 'carries the message id');
        assert.deepEqual(puts(jp1ao.requests), []);
        assert.equal(jp1ao.task(target.id).notes, before);
      });
    });

    it('refuses notes longer than the page allows before any request, as a forged page might send them', async () => {
      const target = finishedTask();
      await notesForm(target, async (page) => {
        page.send({ type: 'ready' });
        const loaded = await page.next('loaded');
        jp1ao.clearRequests();
        page.send({ type: 'save', requestId: 5, notes: 'x'.repeat(1025), toDo: false, baseModifyTime: loaded.saved.modifyTime });
        const failed = await page.next('failed');
        assert.match(failed.message, /1,?024/, failed.message);
        assert.deepEqual(jp1ao.requests, []);
      });
    });

    it('Toggle TODO flips the flag with the same PUT and keeps the notes', async () => {
      const target = finishedTask();
      const node = await taskNode(names.jp1ao, target.key);
      const { notes, toDo } = jp1ao.task(target.id);
      jp1ao.clearRequests();
      await vscode.commands.executeCommand('opsTasks.toggleToDo', node, [node]);
      assert.deepEqual(puts(jp1ao.requests).map((put) => put.body), [{ notes: notes ?? '', toDo: !toDo }]);
      assert.equal(jp1ao.task(target.id).toDo, !toDo);
      assert.equal(connection(names.jp1ao).store.find(target.key)?.toDo, !toDo);
    });

    it('opens one panel per task and reveals it when asked again', async () => {
      const [first, second] = [finishedTask(), finishedTask([Number(finishedTask().id)])];
      const notesTabs = () =>
        vscode.window.tabGroups.all
          .flatMap((group) => group.tabs)
          .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('opsTasks.notes'));
      const before = notesTabs().length;
      await vscode.commands.executeCommand('opsTasks.editNotes', await taskNode(names.jp1ao, first.key));
      await vscode.commands.executeCommand('opsTasks.editNotes', await taskNode(names.jp1ao, first.key));
      await until('one notes tab', () => notesTabs().length === before + 1);
      await vscode.commands.executeCommand('opsTasks.editNotes', await taskNode(names.jp1ao, second.key));
      await until('two notes tabs', () => notesTabs().length === before + 2);
      assert.equal(notesTabs().length, before + 2);
    });
  });

  describe('Show Details', () => {
    function detailsForm(target: { connection: string; id: string; key: string }, use: (page: FakePage<DetailsHostMessage>) => Promise<void>) {
      return openForm<DetailsPageMessage, DetailsHostMessage>((data) => parse(detailsPageMessage, data), (page) => new DetailsForm(api.registry, target, page), use);
    }

    it('JP1/AO: every field, the property values and the end of the log', async () => {
      const target = finishedTask();
      await detailsForm({ connection: names.jp1ao, ...target }, async (page) => {
        page.send({ type: 'ready' });
        const { view } = await page.next('loaded');
        const raw = jp1ao.task(target.id);
        assert.deepEqual(
          view.fields.map((field) => field.name),
          [...Object.keys(raw), 'Operations the server offers now'],
        );
        assert.ok(view.properties?.rows, view.properties?.error);
        assert.ok(view.log?.lines?.length, view.log?.error ?? 'log lines');
        assert.match(view.log!.lines!.at(-1)!, /KNAE\d+-I/, 'the last line is the end of the log');
        const offset = /([+-]\d{2}):?(\d{2})$/.exec(String(raw.submitTime));
        assert.equal(view.log!.zone, offset ? `UTC${offset[1]}:${offset[2]}` : 'UTC', 'the log names the server clock it is in');
        const logRequest = jp1ao.requests.find((request) => request.path.endsWith('/TaskLogs'));
        assert.equal(logRequest?.query.reverse, 'true');
        assert.equal(logRequest?.query.taskID, target.id);
      });
    });

    it('LXCA: formatted text stays data (never markup) and subtasks are listed', async () => {
      const id = lxca.addJob({
        name: [{ text: '<img src=x onerror=alert(1)>', format: ['bold'] }],
        status: 'Running',
        children: [{ name: 'first step', status: 'Complete' }, { name: 'second step', status: 'Running' }],
      });
      await api.registry.refresh(connection(names.lxca));
      const key = `${names.lxca}/${id}`;
      await detailsForm({ connection: names.lxca, id, key }, async (page) => {
        page.send({ type: 'ready' });
        const { view } = await page.next('loaded');
        assert.equal(view.title, '<img src=x onerror=alert(1)>');
        assert.deepEqual(view.fields.find((field) => field.name === 'name')?.value, {
          kind: 'formatted',
          parts: [{ text: '<img src=x onerror=alert(1)>', format: ['bold'] }],
        });
        assert.deepEqual(
          view.subtasks?.map((row) => row.title),
          ['first step', 'second step'],
        );
      });
    });
  });

  describe('Cancel with Callback', () => {
    /** The URLs the confirmation was asked about; `confirmed` is the answer the user gives. */
    let asked: string[] = [];
    let confirmed = true;
    beforeEach(() => {
      asked = [];
      confirmed = true;
    });

    function callbackForm(jobIds: string[], use: (page: FakePage<CallbackHostMessage>) => Promise<void>) {
      const jobs = jobIds.map((id) => connection(names.lxca).store.find(`${names.lxca}/${id}`)!);
      const confirm = async ({ input }: { input: { cancelURL: string } }) => {
        asked.push(input.cancelURL);
        return confirmed;
      };
      return openForm<CallbackPageMessage, CallbackHostMessage>(
        (data) => parse(callbackPageMessage, data),
        (page) => new CallbackForm(api.registry, { connection: names.lxca, jobs, expirationSeconds: 45 }, page, confirm),
        use,
      );
    }

    async function runningJobs(count: number): Promise<string[]> {
      const ids = Array.from({ length: count }, () => lxca.addJob({ name: 'to cancel', status: 'Running', runForMs: 600_000 }));
      await api.registry.refresh(connection(names.lxca));
      return ids;
    }

    it("prefills the job's own hook and the expiration setting", async () => {
      const id = lxca.addJob({ name: 'hooked', status: 'Running', runForMs: 600_000, cancelURL: '/hook?job=1', cancelRESTMethod: 'DELETE' });
      await api.registry.refresh(connection(names.lxca));
      await callbackForm([id], async (page) => {
        page.send({ type: 'ready' });
        const init = await page.next('init');
        assert.equal(init.fromHook, true);
        assert.deepEqual(init.prefill, { cancelRESTMethod: 'DELETE', cancelURL: '/hook?job=1', cancelRESTBody: '', expirationTimeOut: '45' });
        assert.deepEqual(init.jobs.map((job) => job.id), [id]);
      });
    });

    it('refuses a POST without a body before any request, naming the field', async () => {
      const ids = await runningJobs(1);
      await callbackForm(ids, async (page) => {
        lxca.clearRequests();
        page.send({ type: 'send', requestId: 1, input: { cancelRESTMethod: 'POST', cancelURL: '/cancel', cancelRESTBody: ' ', expirationTimeOut: '60' } });
        const result = await page.next('result');
        assert.deepEqual(result, { type: 'result', requestId: 1, ok: false, message: 'cancelRESTBody is required for POST: a JSON object', field: 'cancelRESTBody' });
        page.send({ type: 'send', requestId: 2, input: { cancelRESTMethod: 'PUT', cancelURL: '/cancel', cancelRESTBody: '[1]', expirationTimeOut: '60' } });
        assert.equal((await page.next('result')).message, 'cancelRESTBody must be a JSON object, not an array');
        assert.deepEqual(puts(lxca.requests), [], 'nothing sent');
        assert.deepEqual(asked, [], 'a typo is shown in the form, not asked about');
      });
    });

    it('sends PUT /tasks/{job_list} with the typed callback for all the jobs', async () => {
      const ids = await runningJobs(2);
      await callbackForm(ids, async (page) => {
        lxca.clearRequests();
        const input = { cancelRESTMethod: 'post', cancelURL: ' /cancel?all ', cancelRESTBody: '{"DeviceList": ["a"]}', expirationTimeOut: '-1' };
        page.send({ type: 'send', requestId: 9, input });
        const result = await page.next('result');
        assert.equal(result.ok, true, result.message);
        const [put, ...more] = puts(lxca.requests);
        assert.deepEqual(more, []);
        assert.equal(put!.path, `/tasks/${ids.join(',')}`);
        assert.deepEqual(put!.body, { cancelRESTMethod: 'POST', cancelURL: '/cancel?all', cancelRESTBody: { DeviceList: ['a'] }, expirationTimeOut: -1 });
        assert.deepEqual(asked, [' /cancel?all '], 'asked once, before sending');
      });
    });

    it('sends nothing when the confirmation is declined, and says the callback is kept', async () => {
      const ids = await runningJobs(1);
      await callbackForm(ids, async (page) => {
        lxca.clearRequests();
        confirmed = false;
        page.send({ type: 'send', requestId: 4, input: { cancelRESTMethod: 'GET', cancelURL: '/cancel', cancelRESTBody: '', expirationTimeOut: '60' } });
        const result = await page.next('result');
        assert.deepEqual(result, { type: 'result', requestId: 4, ok: false, message: 'Not sent. The callback is kept in the form.' });
        assert.deepEqual(asked, ['/cancel']);
        assert.deepEqual(puts(lxca.requests), []);
      });
    });

    it("shows the server's refusal", async () => {
      const ids = await runningJobs(1);
      await callbackForm(ids, async (page) => {
        lxca.faults.failNext = { status: 403, count: 1, path: /^\/tasks\// };
        page.send({ type: 'send', requestId: 3, input: { cancelRESTMethod: 'GET', cancelURL: '/c', cancelRESTBody: '', expirationTimeOut: '5' } });
        const result = await page.next('result');
        assert.equal(result.ok, false);
        assert.match(result.message, /FQXHM|privilege|permission/i, result.message);
      });
    });
  });

  describe('Respond (a JP1/AO task waiting for a response)', () => {
    const answers: string[] = [];
    let accept = true;
    function respondForm(target: { id: string; key: string }, use: (page: FakePage<RespondHostMessage>) => Promise<void>) {
      return openForm<RespondPageMessage, RespondHostMessage>(
        (data) => parse(respondPageMessage, data),
        (page) =>
          new RespondForm(api.registry, { connection: names.jp1ao, ...target }, page, async ({ answer }) => {
            answers.push(answer);
            return accept;
          }),
        use,
      );
    }
    const invokes = () => jp1ao.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/actions/response/invoke'));

    it('shows the oldest step; a declined confirmation sends nothing; an answer goes as the ResponseInput and the next step follows', async () => {
      const target = finishedTask();
      jp1ao.addResponseWait(target.id, 1); // Continue / Abort
      jp1ao.addResponseWait(target.id, 3); // Approve / Reject
      await respondForm(target, async (page) => {
        page.send({ type: 'ready' });
        const first = await page.next('loaded');
        assert.equal(first.waiting, true);
        assert.match(String(first.message), /database dump/);
        assert.deepEqual(first.buttons, [{ number: 1, label: 'Continue' }, { number: 2, label: 'Abort' }]);

        accept = false;
        page.send({ type: 'answer', requestId: 1, number: 1, stepKey: first.stepKey });
        assert.deepEqual(await page.next('kept'), { type: 'kept', requestId: 1 });
        assert.deepEqual(invokes(), []);

        accept = true;
        page.send({ type: 'answer', requestId: 2, number: 1, stepKey: first.stepKey });
        const second = await page.next('loaded');
        assert.equal(second.requestId, 2);
        assert.match(String(second.notice), /^Answered "Continue"\. The next step waits for your response\.$/);
        assert.match(String(second.message), /CHG-1042/);
        assert.notEqual(second.stepKey, first.stepKey);
        assert.deepEqual(answers.slice(-2), ['Continue', 'Continue']);
        const [invoke] = invokes();
        assert.deepEqual(Object.keys((invoke!.body as { parameters: object[] }).parameters[0]!), ['instanceId', 'labelbutton1', 'taskId']);
        const row = connection(names.jp1ao).store.find(target.key);
        assert.equal(row?.awaitsResponse, true, 'the tree shows the task still waiting');
      });
    });

    it('Details offer Respond… on a waiting task, as its row does, and Resubmit… once it has finished', async () => {
      const target = finishedTask();
      const offered = () => detailsActions(api.provider).offered(connection(names.jp1ao).store.find(target.key)!).map((action) => action.id);
      assert.ok(offered().includes('opsTasks.jp1ao.resubmit'), offered().join(', '));
      assert.ok(!offered().includes('opsTasks.jp1ao.respond'));
      jp1ao.addResponseWait(target.id, 1);
      await connection(names.jp1ao).reread([connection(names.jp1ao).store.find(target.key)!]);
      assert.equal(connection(names.jp1ao).store.find(target.key)?.awaitsResponse, true);
      assert.ok(offered().includes('opsTasks.jp1ao.respond'), offered().join(', '));
    });

    it('says so when someone answered first (409) and shows what the task does now', async () => {
      const target = finishedTask([Number(finishedTask().id)]);
      jp1ao.addResponseWait(target.id, 1);
      await respondForm(target, async (page) => {
        page.send({ type: 'ready' });
        const shown = await page.next('loaded');
        // Another operator answers from the JP1/AO GUI meanwhile.
        jp1ao.setTaskStatus(target.id, 'inProgress');
        page.send({ type: 'answer', requestId: 5, number: 1, stepKey: shown.stepKey });
        const after = await page.next('loaded');
        assert.equal(after.waiting, false);
        assert.deepEqual(after.buttons, []);
        assert.match(String(after.notice), /Someone answered this step first.*it is In Progress\.$/);
        assert.equal(after.noticeKind, 'warning');
        assert.equal(connection(names.jp1ao).store.find(target.key)?.status, 'inProgress');
      });
    });
  });
});
