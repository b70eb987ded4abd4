import { strict as assert } from 'node:assert';
import { ApiError } from '../../src/api/errors';
import { parseJobList } from '../../src/api/lxca/jobs';
import * as api from '../../src/api';
import { newestLxcaTasksFirst } from '../../src/tasks/lxca';
import { lxcaJobTitle, toLxcaTask } from '../../src/tasks/lxcaMapping';
import type { Task } from '../../src/tasks/model';

/** The Task for one plain job object as the server might send it. */
function taskOf(job: Record<string, unknown>): Task {
  const [parsed] = parseJobList([job]);
  assert.ok(parsed, 'job parsed');
  return toLxcaTask(api, 'lab', parsed);
}

describe('LXCA job → Task', () => {
  it('maps id, key, owner, progress, product and keeps the raw object', () => {
    const raw = { jobUID: '83', name: 'Update firmware', status: 'Running', percentage: 40, createdBy: 'ADMIN' };
    const task = taskOf(raw);
    assert.deepEqual(
      { key: task.key, id: task.id, connection: task.connection, product: task.product, title: task.title, owner: task.owner, progress: task.progress },
      { key: 'lab/83', id: '83', connection: 'lab', product: 'lxca', title: 'Update firmware', owner: 'ADMIN', progress: 40 },
    );
    assert.equal(task.raw, raw);
  });

  const statuses: [string, Task['category'], string][] = [
    ['Pending', 'pending', 'Pending'],
    ['Running', 'running', 'Running'],
    ['Running_With_Errors', 'runningWithErrors', 'Running with errors'],
    ['RunningWithErrors', 'runningWithErrors', 'Running with errors'],
    ['running with errors', 'runningWithErrors', 'Running with errors'],
    ['Complete', 'succeeded', 'Complete'],
    ['COMPLETE', 'succeeded', 'Complete'],
    ['CompleteWithErrors', 'succeededWithErrors', 'Complete with errors'],
    ['Complete_With_Errors', 'succeededWithErrors', 'Complete with errors'],
    ['Cancelled', 'cancelled', 'Cancelled'],
    ['Canceled', 'cancelled', 'Cancelled'],
    ['Cancelled_With_Errors', 'cancelled', 'Cancelled with errors'],
    ['Stopped_With_Error', 'failed', 'Stopped with error'],
    ['Interrupted', 'failed', 'Interrupted'],
    ['Failed', 'failed', 'Failed'],
    ['Paused_By_Operator', 'unknown', 'Paused_By_Operator'],
  ];
  for (const [status, category, label] of statuses) {
    it(`classifies status "${status}" as ${category}, labelled "${label}", keeping the raw string`, () => {
      const task = taskOf({ jobUID: '1', status });
      assert.deepEqual([task.status, task.category, task.statusLabel], [status, category, label]);
    });
  }

  it('labels a job without status as unknown', () => {
    const task = taskOf({ jobUID: '1' });
    assert.deepEqual([task.status, task.category, task.statusLabel], ['', 'unknown', 'Unknown']);
  });

  describe('operations', () => {
    for (const status of ['Pending', 'Running', 'Running_With_Errors']) {
      it(`offers cancel and cancelWithCallback, sorted, while ${status}`, () => {
        assert.deepEqual(taskOf({ jobUID: '1', status }).operations, ['cancel', 'cancelWithCallback']);
      });
    }
    for (const status of ['Complete', 'CompleteWithErrors', 'Cancelled', 'Stopped_With_Error']) {
      it(`offers nothing once ${status}`, () => {
        assert.deepEqual(taskOf({ jobUID: '1', status }).operations, []);
      });
    }
    it('treats a status it does not know as unfinished while the job has no end time and is below 100 %', () => {
      for (const status of ['Waiting_For_Reboot', 'Suspended', 'Mystery']) {
        const task = taskOf({ jobUID: '1', status, percentage: 40 });
        assert.equal(task.category, 'unknown');
        assert.equal(task.statusLabel, status, 'shown as received');
        assert.deepEqual(task.operations, ['cancel', 'cancelWithCallback']);
      }
      assert.deepEqual(taskOf({ jobUID: '1', status: 'Mystery', endTime: '2024-05-01T10:00:00Z' }).operations, []);
      assert.deepEqual(taskOf({ jobUID: '1', status: 'Mystery', percentage: 100 }).operations, []);
      assert.deepEqual(taskOf({ jobUID: '1', status: 'Mystery', cancelable: false }).operations, []);
    });
    it('honours cancelable: false', () => {
      assert.deepEqual(taskOf({ jobUID: '1', status: 'Running', cancelable: false }).operations, []);
      assert.deepEqual(taskOf({ jobUID: '1', status: 'Running', cancelable: true }).operations, ['cancel', 'cancelWithCallback']);
    });
  });

  describe('title', () => {
    it('flattens formatted text to one line of plain text', () => {
      const name = [
        { text: 'Firmware ', format: ['bold'] },
        { text: 'update', format: [] },
        { text: 'on 3 devices. ', format: ['newline'] },
        { text: 'Details', format: ['link'], link: 'https://x' },
      ];
      assert.equal(taskOf({ jobUID: '1', name }).title, 'Firmware update on 3 devices. Details');
    });

    it('fills {n} placeholders from args', () => {
      assert.equal(taskOf({ jobUID: '1', name: 'Deploy {0} to {1}', args: ['image.iso', 'node-7'] }).title, 'Deploy image.iso to node-7');
    });

    it('falls back to the job id when there is no usable name', () => {
      assert.equal(taskOf({ jobUID: '9', name: 42 }).title, 'Job 9');
      assert.equal(taskOf({ jobUID: '9', name: '  ' }).title, 'Job 9');
      const [job] = parseJobList([{ jobUID: '9', name: [] }]);
      assert.equal(lxcaJobTitle(api, job), 'Job 9');
    });
  });

  describe('progress and times', () => {
    it('reads percentage numbers and numeric text, clamped to 0–100, and ignores anything else', () => {
      const progress = [40, '55', 150, -3, 'half', null].map((percentage) => taskOf({ jobUID: '1', percentage }).progress);
      assert.deepEqual(progress, [40, 55, 100, 0, undefined, undefined]);
    });

    it('reads ISO text, ISO with a space, epoch seconds and milliseconds (number or text)', () => {
      const expected = Date.UTC(2024, 4, 1, 10, 0, 0);
      const times = ['2024-05-01T10:00:00Z', '2024-05-01 10:00:00Z', expected / 1000, expected, String(expected)];
      for (const startTime of times) assert.equal(taskOf({ jobUID: '1', startTime }).start, expected, String(startTime));
    });

    it('treats unreadable times as absent', () => {
      for (const endTime of ['soon', '', 0, {}, true]) assert.equal(taskOf({ jobUID: '1', endTime }).end, undefined, String(endTime));
    });
  });

  it('maps subtasks recursively with their own keys, statuses and operations', () => {
    const task = taskOf({
      jobUID: '10',
      status: 'Running',
      children: [
        { jobUID: '11', status: 'Complete', name: 'Step 1' },
        { jobUID: '12', status: 'Running', children: [{ jobUID: '13', status: 'Pending' }] },
      ],
    });
    const flatten = (t: Task): string[] => [`${t.key} ${t.category} ${t.operations.join('+')}`, ...t.children.flatMap(flatten)];
    assert.deepEqual(flatten(task), [
      'lab/10 running cancel+cancelWithCallback',
      'lab/11 succeeded ',
      'lab/12 running cancel+cancelWithCallback',
      'lab/13 pending cancel+cancelWithCallback',
    ]);
  });
});

describe('LXCA job list parsing (tolerance)', () => {
  it('turns numeric ids into strings, falls back to id, and skips entries without any id', () => {
    const jobs = parseJobList([{ jobUID: 83 }, { id: '84' }, { name: 'nameless' }, 'junk', null, { jobUID: '85', children: [{ status: 'x' }] }]);
    assert.deepEqual(jobs.map((job) => job.jobUID), ['83', '84', '85']);
    assert.deepEqual(jobs[2].children, []);
  });

  it('accepts a single job object as a one-element list and refuses anything else', () => {
    assert.deepEqual(parseJobList({ jobUID: '7' }).map((job) => job.jobUID), ['7']);
    assert.throws(() => parseJobList({ result: 'success' }), (error: unknown) => error instanceof ApiError && error.kind === 'badResponse');
  });

  it('reads a cancel hook only when both cancelURL and cancelRESTMethod are present', () => {
    const [hooked, half] = parseJobList([
      { jobUID: '1', cancelURL: '/c', cancelRESTMethod: 'PUT', cancelRESTBody: { a: 1 } },
      { jobUID: '2', cancelRESTMethod: 'PUT' },
    ]);
    assert.deepEqual(hooked.cancelHook, { cancelURL: '/c', cancelRESTMethod: 'PUT', cancelRESTBody: { a: 1 } });
    assert.equal(half.cancelHook, undefined);
  });
});

describe('newestLxcaTasksFirst', () => {
  it('orders by job id, highest (newest) first, numerically', () => {
    const tasks = parseJobList([{ jobUID: '9' }, { jobUID: '100' }, { jobUID: '23' }]).map((job) => toLxcaTask(api, 'lab', job));
    assert.deepEqual(newestLxcaTasksFirst(tasks).map((task) => task.id), ['100', '23', '9']);
  });
});
