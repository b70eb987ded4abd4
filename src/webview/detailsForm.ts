import type { Connection } from '../connections/connection';
import type { Task } from '../tasks/model';
import { errorText } from '../tasks/errorText';
import { subtasksOf, summaryRows } from '../tasks/detailsContent';
import { detailsFields, detailsMessages } from './detailsFields';
import { TargetForm, type FormChannel } from './formHost';
import type { TaskTarget } from './notesForm';
import type { DetailsActions } from '../commands/detailsActions';
import type { ConnectionRegistry } from '../connections/registry';
import type { DetailsHostMessage, DetailsPageMessage, DetailsView } from './protocol';
import { t } from '../tasks/l10n';

/** Show Details: every field of a task or job, read fresh from the server on each (re)load. */
export class DetailsForm extends TargetForm<TaskTarget, DetailsPageMessage, DetailsHostMessage> {
  /** The task as last shown, which the buttons act on. */
  private shown: Task | undefined;

  constructor(registry: ConnectionRegistry, target: TaskTarget, channel: FormChannel<DetailsHostMessage>, private readonly actions?: DetailsActions) {
    super(registry, target, channel);
  }

  async handle(message: DetailsPageMessage): Promise<void> {
    if (message.type === 'act') return this.act(message.requestId, message.action);
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
    this.shown = task;
    return {
      title: task.title,
      product: task.product,
      connection: connection.name,
      notice,
      summary: summaryRows(task),
      subtasks: subtasksOf(task),
      ...(await this.productSections(connection, task)),
      actions: this.actions?.offered(task),
    };
  }

  /** A button: the menu's command on the task as shown, then the task read again. */
  private async act(requestId: number, action: string): Promise<void> {
    const task = this.shown;
    try {
      if (task && this.actions) await this.actions.run(this.registry.current(this.target.connection), task, action);
      await this.channel.post({ type: 'acted', requestId });
    } catch (error) {
      await this.channel.post({ type: 'acted', requestId, message: errorText(error) });
    }
    await this.handle({ type: 'ready' });
  }

  /** The product's sections of the page, its fields formatted here. */
  private async productSections(connection: Connection, task: Task): Promise<Omit<DetailsView, 'title' | 'product' | 'connection' | 'summary'>> {
    const { fields, messages, ...sections } = await connection.adapter().details(task);
    return { fields: detailsFields(fields), messages: detailsMessages(messages), ...sections };
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
