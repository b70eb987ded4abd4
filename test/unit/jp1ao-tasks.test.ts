import { strict as assert } from 'node:assert';
import { formatJp1aoTime, parseJp1aoTime, withOffsetColon } from '../../src/api/jp1ao/dates';
import type { Jp1aoTask } from '../../src/api/jp1ao/types';
import * as api from '../../src/api';
import { jp1aoNotOffered, jp1aoOperations, jp1aoShortTitle, toJp1aoTask } from '../../src/tasks/jp1aoMapping';
import { splitToDoWord } from '../../src/tasks/query';
import { jp1aoStatusesIn } from '../../src/tasks/jp1aoStatus';

function task(members: Partial<Jp1aoTask> = {}): Jp1aoTask {
  return { instanceID: 1042, name: 'Restart web tier', status: 'inProgress', ...members };
}

describe('JP1/AO task mapping', function () {
  describe('identity and fields', function () {
    it('keys the task by connection and instanceID as a string', function () {
      const mapped = toJp1aoTask(api, 'prod', task());
      assert.equal(mapped.id, '1042');
      assert.equal(mapped.key, 'prod/1042');
      assert.equal(mapped.connection, 'prod');
      assert.equal(mapped.product, 'jp1ao');
    });

    it('carries title, owner, notes, TODO, modifyTime, scheduleId, no children and the raw object', function () {
      const raw = task({
        submitter: 'tanaka',
        notes: 'waiting for the change window',
        toDo: true,
        modifyTime: '2024-05-01T10:05:00.000+0900',
        scheduleID: 77,
      });
      const mapped = toJp1aoTask(api, 'prod', raw);
      assert.equal(mapped.title, 'Restart web tier');
      assert.equal(mapped.owner, 'tanaka');
      assert.equal(mapped.notes, 'waiting for the change window');
      assert.equal(mapped.toDo, true);
      assert.equal(mapped.modifyTime, '2024-05-01T10:05:00.000+0900');
      assert.equal(mapped.scheduleId, '77');
      assert.deepEqual(mapped.children, []);
      assert.equal(mapped.raw, raw);
    });

    it('names a task without a name by its id', function () {
      assert.equal(toJp1aoTask(api, 'prod', task({ name: undefined })).title, 'Task 1042');
    });

    it('starts at startTime, else at scheduledStartTime, and ends at completionTime', function () {
      const started = toJp1aoTask(api, 'c', task({
        startTime: '2024-05-01T10:00:00.000+0900',
        scheduledStartTime: '2024-05-01T09:00:00.000+0900',
        completionTime: '2024-05-01T10:30:00.000+09:00',
      }));
      assert.equal(started.start, Date.parse('2024-05-01T01:00:00.000Z'));
      assert.equal(started.end, Date.parse('2024-05-01T01:30:00.000Z'));
      const scheduled = toJp1aoTask(api, 'c', task({ status: 'waiting', scheduledStartTime: '2024-05-02T09:00:00.000+0900' }));
      assert.equal(scheduled.start, Date.parse('2024-05-02T00:00:00.000Z'));
      assert.equal(scheduled.end, undefined);
    });
  });

  describe('status', function () {
    const table: [string, string, string][] = [
      ['waiting', 'Waiting', 'pending'],
      ['holding', 'Holding (schedule paused)', 'pending'],
      ['inProgress', 'In Progress', 'running'],
      ['waitingResponse', 'Waiting for Response', 'running'],
      ['abnormalDetection', 'In Progress (with Error)', 'runningWithErrors'],
      ['terminating', 'Stopping', 'running'],
      ['completed', 'Completed', 'succeeded'],
      ['failed', 'Failed', 'failed'],
      ['canceled', 'Canceled', 'cancelled'],
    ];
    for (const [status, label, category] of table) {
      it(`${status} is "${label}" (${category})`, function () {
        const mapped = toJp1aoTask(api, 'c', task({ status }));
        assert.equal(mapped.status, status);
        assert.equal(mapped.statusLabel, label);
        assert.equal(mapped.category, category);
      });
    }

    it('accepts any casing and keeps the raw value', function () {
      const mapped = toJp1aoTask(api, 'c', task({ status: 'INPROGRESS' }));
      assert.equal(mapped.status, 'INPROGRESS');
      assert.equal(mapped.statusLabel, 'In Progress');
      assert.equal(mapped.category, 'running');
      assert.deepEqual(mapped.operations, ['editNotes', 'forceStop', 'stop']);
    });

    it('shows an unknown status raw, in category unknown, with only editNotes', function () {
      const mapped = toJp1aoTask(api, 'c', task({ status: 'suspendedByMaintenance' }));
      assert.equal(mapped.statusLabel, 'suspendedByMaintenance');
      assert.equal(mapped.category, 'unknown');
      assert.deepEqual(mapped.operations, ['editNotes']);
    });

    it('lists the statuses of categories for a server-side filter', function () {
      assert.deepEqual(jp1aoStatusesIn(['pending']), ['waiting', 'holding']);
      assert.deepEqual(jp1aoStatusesIn(['running', 'runningWithErrors']).sort(), ['abnormalDetection', 'inProgress', 'longRunning', 'terminating', 'waitingResponse']);
      assert.deepEqual(jp1aoStatusesIn(['succeededWithErrors']), []);
    });
  });

  describe('operations', function () {
    const expected: [string, Partial<Jp1aoTask>, string[]][] = [
      ['waiting with a schedule', { status: 'waiting', scheduleID: 5 }, ['cancel', 'editNotes']],
      ['holding with a schedule', { status: 'holding', scheduleID: '5' }, ['cancel', 'editNotes']],
      ['waiting without a schedule', { status: 'waiting' }, ['editNotes']],
      ['inProgress', { status: 'inProgress' }, ['editNotes', 'forceStop', 'stop']],
      ['waitingResponse', { status: 'waitingResponse' }, ['editNotes', 'forceStop', 'stop']],
      ['abnormalDetection', { status: 'abnormalDetection' }, ['editNotes', 'forceStop', 'stop']],
      // The reference answers 409 to a force stop unless the task is in progress, waiting or in abnormal detection.
      ['terminating', { status: 'terminating' }, ['editNotes']],
      ['completed', { status: 'completed' }, ['archive', 'editNotes']],
      ['failed', { status: 'failed' }, ['archive', 'editNotes', 'retry', 'retryNext']],
      ['canceled', { status: 'canceled', scheduleID: 5 }, ['archive', 'editNotes']],
    ];
    for (const [when, members, operations] of expected) {
      it(`${when}: ${operations.join(', ')}`, function () {
        assert.deepEqual(toJp1aoTask(api, 'c', task(members)).operations, operations);
      });
    }

    it('matches statuses whatever their casing and separators', function () {
      for (const status of ['IN_PROGRESS', 'In Progress', 'in-progress', 'INPROGRESS']) {
        const mapped = toJp1aoTask(api, 'c', task({ status }));
        assert.equal(mapped.category, 'running', status);
        assert.deepEqual(mapped.operations, ['editNotes', 'forceStop', 'stop'], status);
      }
    });

    it('shows a status it does not know as received, offering what supportedActionType names', function () {
      const unknown = toJp1aoTask(api, 'c', task({ status: 'paused', supportedActionType: 'forciblyStop,retry' }));
      assert.equal(unknown.category, 'unknown');
      assert.equal(unknown.statusLabel, 'paused');
      assert.deepEqual(unknown.operations, ['editNotes', 'forceStop', 'retry', 'retryNext']);
      assert.deepEqual(toJp1aoTask(api, 'c', task({ status: 'paused' })).operations, ['editNotes']);
    });

    it('drops force stop and retries the service does not support (supportedActionType)', function () {
      assert.deepEqual(jp1aoOperations(api, task({ status: 'inProgress', supportedActionType: 'retry' })), ['editNotes', 'stop']);
      assert.deepEqual(jp1aoOperations(api, task({ status: 'failed', supportedActionType: 'forciblyStop' })), ['archive', 'editNotes']);
    });

    it('keeps what supportedActionType names, in any casing and spacing', function () {
      assert.deepEqual(jp1aoOperations(api, task({ status: 'inProgress', supportedActionType: 'ForciblyStop, retry' })), ['editNotes', 'forceStop', 'stop']);
      assert.deepEqual(jp1aoOperations(api, task({ status: 'failed', supportedActionType: 'forciblyStop,retry' })), ['archive', 'editNotes', 'retry', 'retryNext']);
    });

    it('restricts nothing when supportedActionType is absent', function () {
      assert.deepEqual(jp1aoOperations(api, task({ status: 'failed' })), ['archive', 'editNotes', 'retry', 'retryNext']);
    });

    it('offers neither force stop nor retry when supportedActionType is sent blank', function () {
      assert.deepEqual(jp1aoOperations(api, task({ status: 'failed', supportedActionType: '  ' })), ['archive', 'editNotes']);
      assert.deepEqual(jp1aoOperations(api, task({ status: 'inProgress', supportedActionType: '' })), ['editNotes', 'stop']);
    });

    it('says why Retry or Force Stop is not offered, only where the status would allow it', function () {
      assert.deepEqual(jp1aoNotOffered(api, task({ status: 'failed', supportedActionType: 'forciblyStop' })), [
        "Retry: the task's service does not support it (supported actions: forciblystop)",
      ]);
      assert.deepEqual(jp1aoNotOffered(api, task({ status: 'completed', supportedActionType: 'forciblyStop' })), []);
      assert.deepEqual(jp1aoNotOffered(api, task({ status: 'failed', supportedActionType: 'forciblyStop,retry' })), []);
      assert.match(toJp1aoTask(api, 'c', task({ status: 'inProgress', supportedActionType: '' })).notOffered!.join(), /^Force Stop: .*supported actions: nothing/);
    });
  });

  describe('names', function () {
    it('shows the service name when the suffix is the task\'s own submit time, the full name otherwise', function () {
      const named = task({ name: 'Nightly_backup_20261203091233', serviceName: 'Nightly backup', submitTime: '2026-12-03T09:12:33.000+09:00' });
      assert.deepEqual(jp1aoShortTitle(api, named), { label: 'Nightly backup', time: Date.parse('2026-12-03T00:12:33.000Z') });
      assert.equal(toJp1aoTask(api, 'c', named).title, 'Nightly_backup_20261203091233', 'the full name stays the title');
      const other = task({ name: 'Nightly_backup_20261203091233', serviceName: 'Nightly backup', submitTime: '2026-12-03T09:15:00.000+09:00' });
      assert.equal(jp1aoShortTitle(api, other), undefined, 'a stamp that is not the submit time is part of the name');
      assert.equal(jp1aoShortTitle(api, task({ name: 'Deploy web', submitTime: '2026-12-03T09:12:33.000+09:00' })), undefined);
    });

    it('takes the word TODO of the filter as the TODO flag', function () {
      assert.deepEqual(splitToDoWord('backup todo  web'), { words: 'backup web', toDo: true });
      assert.deepEqual(splitToDoWord('backup'), { words: 'backup', toDo: false });
      assert.deepEqual(splitToDoWord(undefined), { words: '', toDo: false });
    });
  });

  describe('times', function () {
    it('parses offsets with and without the colon alike', function () {
      const expected = Date.parse('2024-05-01T01:00:00.123Z');
      assert.equal(parseJp1aoTime('2024-05-01T10:00:00.123+0900'), expected);
      assert.equal(parseJp1aoTime('2024-05-01T10:00:00.123+09:00'), expected);
      assert.equal(parseJp1aoTime('2024-04-30T20:30:00.123-0430'), expected);
    });

    it('gives undefined for a missing or unreadable time', function () {
      assert.equal(parseJp1aoTime(undefined), undefined);
      assert.equal(parseJp1aoTime(''), undefined);
      assert.equal(parseJp1aoTime('soon'), undefined);
    });

    it('puts the colon back into an offset', function () {
      assert.equal(withOffsetColon('2024-05-01T10:00:00.000+0900'), '2024-05-01T10:00:00.000+09:00');
      assert.equal(withOffsetColon('2024-05-01T10:00:00.000+09:00'), '2024-05-01T10:00:00.000+09:00');
      assert.equal(withOffsetColon('2024-05-01T10:00:00.000Z'), '2024-05-01T10:00:00.000Z');
    });

    it('formats a time with a colon in the offset', function () {
      const instant = Date.parse('2024-05-01T01:00:00.123Z');
      assert.equal(formatJp1aoTime(instant, 540), '2024-05-01T10:00:00.123+09:00');
      assert.equal(formatJp1aoTime(new Date(instant), -270), '2024-04-30T20:30:00.123-04:30');
      assert.equal(formatJp1aoTime(instant, 0), '2024-05-01T01:00:00.123+00:00');
      assert.equal(parseJp1aoTime(formatJp1aoTime(instant)), instant);
    });
  });
});
