// The operations a JP1/AO server offers for a task, as the adapter learns them from the server
// over loopback: an action whose template answers 404 or 409 is not offered again until the
// task's status changes, and the details list what `GET …/Tasks/{id}/actions` answers.
import { strict as assert } from 'node:assert';
import * as api from '../../src/api';
import { HttpClient } from '../../src/api/http';
import { Jp1aoClient } from '../../src/api/jp1ao/client';
import { startJp1aoSimulator, type Jp1aoSimulator } from '../../src/simulator/index';
import { Jp1aoAdapter } from '../../src/tasks/jp1ao';
import { errorText } from '../../src/tasks/errorText';
import { credentialsOf } from '../support/storeFixture';
import { detailsFields } from '../../src/webview/detailsFields';

const request = { participle: 'stopped', cancelExpirationSeconds: 60 } as const;

describe('JP1/AO operations the server offers', () => {
  let sim: Jp1aoSimulator;
  let http: HttpClient;
  let adapter: Jp1aoAdapter;
  let id: string;
  beforeEach(async () => {
    sim = await startJp1aoSimulator({ size: 40, seed: 2, newItemEveryMs: 0 });
    http = new HttpClient({ baseUrl: sim.url });
    adapter = new Jp1aoAdapter(api, 'ao', new Jp1aoClient(http, credentialsOf(sim)), sim.username, () => http.close());
    id = String(sim.tasks()[0].instanceID);
    sim.setTaskStatus(id, 'inProgress');
  });
  afterEach(async () => {
    await http.close();
    await sim.close();
  });

  for (const status of [404, 409]) {
    it(`an action whose template answers ${status} says the server does not offer it, and leaves the menu until the status changes`, async () => {
      const [task] = await adapter.read([id]);
      assert.ok(task.operations.includes('stop'));
      sim.faults.failNext = { status, count: 1, path: /\/actions\/stop$/ };
      const [outcome] = await adapter.perform({ operation: 'stop', ...request }, [task]);
      assert.equal(outcome.ok, false);
      assert.match(errorText(!outcome.ok && outcome.error), /does not offer this operation for the task now/);
      assert.equal(sim.task(id).status, 'inProgress', 'nothing was invoked');

      const [again] = await adapter.read([id]);
      assert.ok(!again.operations.includes('stop'), 'Stop is no longer offered');
      assert.ok(again.operations.includes('editNotes'));

      sim.setTaskStatus(id, 'abnormalDetection');
      const [moved] = await adapter.read([id]);
      assert.ok(moved.operations.includes('stop'), 'offered again once the status changed');
    });
  }

  it('the details list the operations the server offers for the task now', async () => {
    const [task] = await adapter.read([id]);
    const details = await adapter.details(task);
    const offered = detailsFields(details.fields).find((field) => field.name === 'Operations the server offers now');
    assert.ok(offered && offered.value.kind === 'text');
    assert.match(offered.value.text, /\bstop\b/);
  });
});
