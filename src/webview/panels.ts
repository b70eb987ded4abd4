import * as vscode from 'vscode';
import { log } from '../log';
import { errorLogText } from '../tasks/errorText';
import { connectForm, type FormChannel, type FormController } from './formHost';
import { formHtml, formResourceRoots } from './html';
import type { Parsed } from '../util/schema';

/** What kind of form a panel shows. */
export interface FormKind<In extends { type: string }> {
  /** Webview panel type, e.g. `opsTasks.notes`. */
  viewType: string;
  /** Bundle in dist/media without `.js`. */
  page: string;
  /** Checks what the page sends (see protocol.ts). */
  parse(data: unknown): Parsed<In>;
  /** Shown in the page's HTML <title>; never a server string. */
  pageTitle: string;
  findWidget?: boolean;
}

/** Makes the host side of a form once its panel's channel exists. */
type ControllerFactory<In extends { type: string }, Out> = (channel: FormChannel<Out>) => FormController<In>;

/** What a panel shows and keeps under its key. */
interface PanelForm<In extends { type: string }, Out> {
  key: string;
  kind: FormKind<In>;
  createController: ControllerFactory<In, Out>;
  restore: unknown;
}

/**
 * One webview panel per key (a task, a set of jobs): showing a key that is open reveals its panel
 * instead of opening a second one. Pages are not kept alive while hidden; each page keeps its
 * unsaved input with setState and gets its data again after its `ready`.
 */
export class FormPanels implements vscode.Disposable {
  private readonly panels = new Map<string, vscode.WebviewPanel>();

  constructor(private readonly extensionUri: vscode.Uri) {}

  has(key: string): boolean {
    return this.panels.has(key);
  }

  show<In extends { type: string }, Out>(
    key: string,
    title: string,
    kind: FormKind<In>,
    createController: ControllerFactory<In, Out>,
    restore?: unknown,
  ): vscode.WebviewPanel {
    const existing = this.panels.get(key);
    if (existing) {
      existing.reveal();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(
      kind.viewType,
      title,
      { viewColumn: vscode.ViewColumn.Active, preserveFocus: false },
      {
        enableScripts: true,
        retainContextWhenHidden: false,
        enableFindWidget: kind.findWidget ?? false,
        localResourceRoots: formResourceRoots(this.extensionUri),
      },
    );
    this.attach(panel, { key, kind, createController, restore });
    return panel;
  }

  /** Shows a form in a panel VS Code restored after a window reload (see the serializers). */
  adopt<In extends { type: string }, Out>(
    key: string,
    panel: vscode.WebviewPanel,
    kind: FormKind<In>,
    createController: ControllerFactory<In, Out>,
    restore: unknown,
  ): void {
    const existing = this.panels.get(key);
    if (existing && existing !== panel) {
      panel.dispose();
      return;
    }
    panel.webview.options = { enableScripts: true, localResourceRoots: formResourceRoots(this.extensionUri) };
    this.attach(panel, { key, kind, createController, restore });
  }

  private attach<In extends { type: string }, Out>(panel: vscode.WebviewPanel, { key, kind, createController, restore }: PanelForm<In, Out>): void {
    panel.webview.html = formHtml(panel.webview, this.extensionUri, kind.page, kind.pageTitle, restore);
    const channel: FormChannel<Out> = {
      post: (message) => panel.webview.postMessage(message),
      onMessage: (listener) => panel.webview.onDidReceiveMessage(listener),
      retitle: (title) => {
        panel.title = title;
      },
    };
    const connection = connectForm(channel as FormChannel<unknown>, (data) => kind.parse(data), createController(channel), {
      onRejected: (problem) => log().warn(`${kind.viewType}: ignored a message from the page (${problem})`),
      onFailure: (error) => log().error(`${kind.viewType}: ${errorLogText(error)}`),
    });
    this.panels.set(key, panel);
    panel.onDidDispose(() => {
      this.panels.delete(key);
      connection.dispose();
    });
  }

  dispose(): void {
    for (const panel of [...this.panels.values()]) panel.dispose();
  }
}
