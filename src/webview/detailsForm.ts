import type { Connection } from '../connections/connection';
import type { Task } from '../tasks/model';
import { errorText } from '../ui/errorText';
import { subtasksOf, summaryRows } from './detailsContent';
import { TargetForm } from './formHost';
import type { TaskTarget } from './notesForm';
import type { DetailsHostMessage, DetailsPageMessage, DetailsView } from './protocol';
import { t } from '../tasks/l10n';

/** Show Details: every field of a task or job, read fresh from the server on each (re)load. */
export class DetailsForm extends TargetForm<TaskTarget, DetailsPageMessage, DetailsHostMessage> {
  async handle(message: DetailsPageMessage): Promise<void> {
    const requestId = message.type === 'refresh' ? message.requestId : undefined;
    try {
      await this.channel.post({ type: 'loaded', requestId, view: await this.view() });
    } catch (error) {
      await this.channel.post({ type: 'failed', requestId, message: errorText(error) });
    }
  }

  private async view(): Promise<DetailsView> {
    const connection = this.registry.current(this.target.connection);
    let task: Task;
    let notice: string | undefined;
    try {
      task = await this.readTask(connection);
    } catch (error) {
      const known = connection.store.find(this.target.key);
      if (!known) throw error;
      task = known;
      notice = t('Showing the task as last listed: reading it again failed ({0}).', errorText(error));
    }
    return {
      title: task.title,
      product: task.product,
      connection: connection.name,
      notice,
      summary: summaryRows(task),
      subtasks: subtasksOf(task),
      ...(await connection.adapter().details(task)),
    };
  }

  private async readTask(connection: Connection): Promise<Task> {
    const { id } = this.target;
    const history = this.target.archived ? connection.adapter().operatorLoop : undefined;
    if (history) return history.readHistory(id);
    const [task] = await connection.read([id]);
    if (!task) throw new Error(t('{0} did not return {1} {2}', connection.adapter().info.shortName, connection.adapter().info.noun, id));
    return task;
  }
}
