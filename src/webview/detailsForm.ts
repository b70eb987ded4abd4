import type { ConnectionRegistry } from '../connections/registry';
import type { Connection } from '../connections/connection';
import { toJp1aoTask } from '../tasks/jp1aoTasks';
import { toLxcaTask } from '../tasks/lxcaTasks';
import type { Task } from '../tasks/model';
import { currentConnection, failureText, jp1aoClient, lxcaClient } from './clients';
import { fieldsOf, logTail, lxcaMessages, propertyRows, subtasksOf, summaryRows } from './detailsContent';
import type { FormChannel, FormController } from './formHost';
import type { TaskTarget } from './notesForm';
import type { DetailsHostMessage, DetailsPageMessage, DetailsView } from './protocol';

/** Bytes of the JP1/AO task log read from its end, and how many of its lines are shown. */
const logReadSize = 16 * 1024;
const logLines = 200;

/** Show Details: every field of a task or job, read fresh from the server on each (re)load. */
export class DetailsForm implements FormController<DetailsPageMessage> {
  constructor(
    private readonly registry: ConnectionRegistry,
    private readonly target: TaskTarget,
    private readonly channel: FormChannel<DetailsHostMessage>,
  ) {}

  async handle(message: DetailsPageMessage): Promise<void> {
    const requestId = message.type === 'refresh' ? message.requestId : undefined;
    try {
      await this.channel.post({ type: 'loaded', requestId, view: await this.view() });
    } catch (error) {
      await this.channel.post({ type: 'failed', requestId, message: failureText(error) });
    }
  }

  private async view(): Promise<DetailsView> {
    const connection = currentConnection(this.registry, this.target.connection);
    let task: Task;
    let notice: string | undefined;
    try {
      task = await this.readTask(connection);
    } catch (error) {
      const known = connection.store.find(this.target.key);
      if (!known) throw error;
      task = known;
      notice = `Showing the task as last listed: reading it again failed (${failureText(error)}).`;
    }
    const view: DetailsView = {
      title: task.title,
      product: task.product,
      connection: connection.name,
      notice,
      summary: summaryRows(task),
      fields: fieldsOf(task),
      messages: lxcaMessages(task),
      subtasks: subtasksOf(task),
    };
    return task.product === 'jp1ao' ? { ...view, ...(await this.jp1aoExtras(connection)) } : view;
  }

  private async readTask(connection: Connection): Promise<Task> {
    const { id } = this.target;
    if (connection.config.kind === 'jp1ao') return toJp1aoTask(connection.name, await jp1aoClient(connection).getTask(id));
    const [job] = await lxcaClient(connection).getJobs([id]);
    if (!job) throw new Error(`LXCA did not return job ${id}`);
    return toLxcaTask(connection.name, job);
  }

  private async jp1aoExtras(connection: Connection): Promise<Pick<DetailsView, 'properties' | 'log'>> {
    const client = jp1aoClient(connection);
    const [properties, log] = await Promise.allSettled([
      client.propertyValues(this.target.id),
      client.taskLog(this.target.id, { reverse: true, offset: 0, readSize: logReadSize }),
    ]);
    return {
      properties:
        properties.status === 'fulfilled' ? { rows: propertyRows(properties.value) } : { error: failureText(properties.reason) },
      log: log.status === 'fulfilled' ? logTail(log.value, logReadSize, logLines) : { error: failureText(log.reason) },
    };
  }
}
