// Changes made on the JP1/AO simulator through its REST API, as another user of the server would.
import * as assert from 'node:assert/strict';
import type { Jp1aoSimulator } from '../../src/simulator/index';

/** Marks a JP1/AO task TODO on the server. */
export async function markToDo(jp1ao: Jp1aoSimulator, id: number): Promise<void> {
  const response = await fetch(`${jp1ao.url}/Automation/v1/objects/Tasks/${id}`, {
    method: 'PUT',
    headers: {
      Authorization: `Basic ${Buffer.from(`${jp1ao.username}:${jp1ao.password}`).toString('base64')}`,
      'Content-Type': 'application/json',
      Accept: 'application/json',
    },
    body: JSON.stringify({ notes: '', toDo: true }),
  });
  assert.equal(response.status, 200, 'the simulator took the TODO flag');
}
