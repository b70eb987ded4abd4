// The webview protocol's checks (shared by the extension host and the pages) and the pure parts
// of the forms: details content, callback prefill, double-click detection.
import { strict as assert } from 'node:assert';
import * as api from '../../src/api';
import { jp1aoFields } from '../../src/tasks/jp1aoDetails';
import { detailsFields, detailsMessages } from '../../src/webview/detailsFields';
import { localTimeText } from '../../src/tasks/time';
import { toJp1aoTask } from '../../src/tasks/jp1aoMapping';
import { lxcaDetails, lxcaMessages } from '../../src/tasks/lxcaDetails';
import { toLxcaTask } from '../../src/tasks/lxcaMapping';
import { parseLxcaJobList } from '../../src/api/lxca';
import { callbackPrefill } from '../../src/webview/callbackForm';
import { logTail, subtasksOf } from '../../src/tasks/detailsContent';
import { callbackHostMessage, detailsHostMessage, notesPageMessage } from '../../src/webview/protocol';
import { parse } from '../../src/util/schema';
import { DoubleClickDetector, taskClickCommand } from '../../src/tree/taskClick';

describe('webview protocol', () => {
  it('accepts a well-formed save and drops members it does not declare', () => {
    const parsed = parse(notesPageMessage, { type: 'save', requestId: 3, notes: 'n', toDo: true, baseModifyTime: 't', extra: '<script>' });
    assert.deepEqual(parsed, { ok: true, value: { type: 'save', requestId: 3, notes: 'n', toDo: true, baseModifyTime: 't' } });
  });

  it('treats null as an absent optional member', () => {
    const parsed = parse(notesPageMessage, { type: 'save', requestId: 1, notes: '', toDo: false, baseModifyTime: null });
    assert.deepEqual(parsed, { ok: true, value: { type: 'save', requestId: 1, notes: '', toDo: false } });
  });

  for (const [why, message, problem] of [
    ['an unknown type', { type: 'delete', requestId: 1 }, 'message.type: unknown "delete"'],
    ['no type', { requestId: 1 }, 'message.type: unknown undefined'],
    ['a string request id', { type: 'reload', requestId: '1' }, 'message.requestId: expected a number'],
    ['notes that are not text', { type: 'save', requestId: 1, notes: 5, toDo: true }, 'message.notes: expected a string'],
    ['a missing TODO flag', { type: 'save', requestId: 1, notes: '' }, 'message.toDo: expected a boolean'],
    ['not an object', 'ready', 'message: expected an object'],
    ['an array', [{ type: 'ready' }], 'message: expected an object'],
    ['NaN as request id', { type: 'reload', requestId: Number.NaN }, 'message.requestId: expected a number'],
  ] as const) {
    it(`refuses ${why}`, () => {
      assert.deepEqual(parse(notesPageMessage, message), { ok: false, problem });
    });
  }

  it('checks nested members of host messages, naming the path', () => {
    const view = { title: 't', product: 'lxca', connection: 'c', summary: [{ label: 'a', value: 1 }], fields: [] };
    assert.deepEqual(parse(detailsHostMessage, { type: 'loaded', view }), { ok: false, problem: 'message.view.summary[0].value: expected a string' });
    const field = { name: 'x', value: { kind: 'html', text: '<b>' } };
    const withHtml = { ...view, summary: [], fields: [field] };
    assert.equal(parse(detailsHostMessage, { type: 'loaded', view: withHtml }).ok, false);
  });

  it('accepts only the four callback fields as a field name', () => {
    const result = { type: 'result', requestId: 1, ok: false, message: 'm' };
    assert.equal(parse(callbackHostMessage, { ...result, field: 'cancelURL' }).ok, true);
    assert.equal(parse(callbackHostMessage, { ...result, field: 'password' }).ok, false);
  });
});

describe('details content', () => {
  const [job] = parseLxcaJobList([
    {
      jobUID: '7',
      status: 'Running',
      name: [{ text: 'Update ', format: [] }, { text: '<b>node</b>', format: ['bold'] }],
      startTime: 1_700_000_000_000,
      messages: [{ id: 'FQXHMJM0001I', text: [{ text: 'Started', format: ['italic'] }], timeStamp: 1_700_000_000_000 }],
      children: [{ jobUID: '8', status: 'Complete', name: 'child', children: [{ jobUID: '9', status: 'Pending', name: 'grandchild' }] }],
    },
  ]);
  const task = toLxcaTask(api, 'c', job!);

  it('lists every member but the subtasks and messages, formatted text as parts', () => {
    const fields = detailsFields(lxcaDetails(api, task).fields);
    assert.deepEqual(
      fields.map((field) => field.name),
      ['jobUID', 'status', 'name', 'startTime'],
    );
    assert.deepEqual(fields[2]!.value, {
      kind: 'formatted',
      parts: [
        { text: 'Update ', format: []},
        { text: '<b>node</b>', format: ['bold']},
      ],
    });
    assert.match((fields[3]!.value as { text: string }).text, /\(1700000000000\)$/);
  });

  it('flattens subtasks depth first with their depth', () => {
    assert.deepEqual(
      subtasksOf(task)?.map((row) => [row.depth, row.id]),
      [
        [0, '8'],
        [1, '9'],
      ],
    );
  });

  it('keeps LXCA messages as formatted text', () => {
    assert.deepEqual(lxcaMessages(api, task)?.[0]?.text, [{ text: 'Started', format: ['italic']}]);
  });

  it('hands message times over as sent; the page shows an instant in local time and text as it came', () => {
    const [timedJob] = parseLxcaJobList([{ jobUID: '7', name: 'n', status: 'Running', messages: [
      { id: 'A', text: 'one', timeStamp: 1_700_000_000_000 },
      { id: 'B', text: 'two', timeStamp: 'yesterday' },
    ] }]);
    const timed = toLxcaTask(api, 'c', timedJob!);
    const messages = lxcaMessages(api, timed);
    assert.deepEqual(messages?.map((message) => message.time), [1_700_000_000_000, 'yesterday']);
    assert.deepEqual(detailsMessages(messages)?.map((message) => message.time), [localTimeText(1_700_000_000_000), 'yesterday']);
  });

  it('shows JP1/AO members that are objects as JSON', () => {
    const jp1ao = toJp1aoTask(api, 'c', { instanceID: 5, name: 'n', status: 'completed', extra: { a: [1] } });
    assert.deepEqual(detailsFields(jp1aoFields(api, jp1ao)).find((field) => field.name === 'extra')?.value, { kind: 'json', text: '{\n  "a": [\n    1\n  ]\n}' });
  });

  it('drops the cut first line of a full log window and keeps the last lines', () => {
    assert.deepEqual(logTail(['tial line', 'b', 'c'], 10, 5), { lines: ['b', 'c'], partial: true });
    assert.deepEqual(logTail(['a', 'b', 'c'], 1000, 2), { lines: ['b', 'c'], partial: true });
    assert.deepEqual(logTail(['a', 'b'], 1000, 5), { lines: ['a', 'b'], partial: false });
  });
});

describe('cancel callback prefill', () => {
  it("takes the job's hook and the expiration setting", () => {
    const [job] = parseLxcaJobList([
      { jobUID: '3', status: 'Running', cancelURL: '/x?job=3', cancelRESTMethod: 'post', cancelRESTBody: { DeviceList: [1] } },
    ]);
    assert.deepEqual(callbackPrefill(toLxcaTask(api, 'c', job!), 30), {
      fromHook: true,
      input: { cancelRESTMethod: 'POST', cancelURL: '/x?job=3', cancelRESTBody: '{\n  "DeviceList": [\n    1\n  ]\n}', expirationTimeOut: '30' },
    });
  });

  it('starts empty for a job without a hook', () => {
    const [job] = parseLxcaJobList([{ jobUID: '4', status: 'Running' }]);
    assert.deepEqual(callbackPrefill(toLxcaTask(api, 'c', job!), -1), {
      fromHook: false,
      input: { cancelRESTMethod: 'GET', cancelURL: '', cancelRESTBody: '', expirationTimeOut: '-1' },
    });
  });
});

describe('double-click on a tree row', () => {
  it('opens only on a second click of the same row within the window', () => {
    let now = 1000;
    const detector = new DoubleClickDetector(500, () => now);
    assert.equal(detector.click('a'), false);
    now += 300;
    assert.equal(detector.click('b'), false, 'another row');
    now += 100;
    assert.equal(detector.click('b'), true, 'second click on b');
    now += 100;
    assert.equal(detector.click('b'), false, 'a third click starts over');
    now += 501;
    assert.equal(detector.click('b'), false, 'too slow');
  });

  it('is offered on LXCA and JP1/AO rows alike (it opens Details)', () => {
    const jp1ao = toJp1aoTask(api, 'c', { instanceID: 5, name: 'n', status: 'completed' });
    assert.deepEqual(taskClickCommand(jp1ao).arguments, ['c/5']);
    const [job] = parseLxcaJobList([{ jobUID: '4', status: 'Running' }]);
    assert.deepEqual(taskClickCommand(toLxcaTask(api, 'c', job!)).arguments, ['c/4']);
  });
});
