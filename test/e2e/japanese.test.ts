// The display language in the real workbench: with Japanese (argv.json "locale": "ja") the view,
// welcome text, statuses and the notes form are Japanese, and Japanese typed by the user (notes,
// filter words, a connection name) round-trips; with English everything is English again.
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startJp1aoSimulator, type Jp1aoSimulator } from '../../src/simulator/index';
import { useWorkbench, type WorkbenchOptions } from './harness';
import { sleep, until } from '../support/wait';
import {
  contextMenu,
  openOpsTasksView,
  quickInput,
  quickInputType,
  rowByLabel,
  runCommand,
  treeRows,
  viewMessage,
  waitForQuickInputTitle,
  webviewFrame,
  welcomeButton,
  welcomeButtons,
} from '../support/workbench';

/** Status names of both products in the Japanese bundle. */
const japaneseStatus = /^(待機中|保留中|実行中|応答待ち|異常検知|終了処理中|完了|異常終了|キャンセル|キャンセル済み|保留|キュー登録済み|未開始|停止|中断|期限切れ|不明)/;

async function viewText(page: Page): Promise<string> {
  return (await openOpsTasksView(page)).innerText();
}

/** The title of the container's first view pane (Tasks; Activity follows it). */
async function viewTitle(page: Page): Promise<string> {
  return page.locator('.part.sidebar .pane-header h3.title').first().innerText();
}

describe('e2e: Japanese display language', function () {
  this.timeout(120_000);

  describe('without connections', () => {
    const workbench = useWorkbench({ locale: 'ja' });

    it('shows the Japanese view title and welcome text', async () => {
      const { page } = workbench();
      await openOpsTasksView(page);
      assert.deepEqual(await welcomeButtons(page), ['接続を追加', 'デモを試す']);
      assert.match(await viewTitle(page), /タスク/);
      const text = await viewText(page);
      assert.match(text, /ジョブと JP1\/Automatic Operation のタスクを監視/);
      assert.match(text, /デモはこのマシン上で 2 つの模擬サーバーを起動します/);
      assert.doesNotMatch(text, /Watch and cancel|The demo starts/);
    });

    it('the demo shows its tasks with Japanese status names', async () => {
      const { page } = workbench();
      await welcomeButton(page, 'デモを試す').click();
      const row = await until(
        'a task row with a Japanese status',
        async () => (await treeRows(page)).find((r) => !r.label.startsWith('Demo ') && japaneseStatus.test(r.description)),
        60_000,
      );
      assert.doesNotMatch(row.description, /\b(Running|Complete|Pending|Failed|ago)\b/);
    });
  });

  describe('with a JP1/AO server under a Japanese connection name', () => {
    const connectionName = '本番 JP1/AO サーバー';
    const note = '確認済み。ベンダーの回答待ち（チケット番号 ＃１２３）';
    let jp1ao: Jp1aoSimulator | undefined;
    let task: { id: number; name: string };
    const options: WorkbenchOptions = { locale: 'ja' };

    before(async () => {
      jp1ao = await startJp1aoSimulator({ size: 5, newItemEveryMs: 0 });
      // The row shows the service name when the task's name ends in its submit time.
      const label = (t: Record<string, unknown>) => (/_\d{14}$/.test(String(t.name)) && t.serviceName ? String(t.serviceName) : String(t.name));
      const labels = jp1ao.tasks().map(label);
      const unique = jp1ao.tasks().find((t) => labels.filter((name) => name === label(t)).length === 1);
      assert.ok(unique, 'the simulator has no task with a unique row label');
      task = { id: unique.instanceID as number, name: label(unique) };
      jp1ao.setTaskStatus(task.id, 'completed');
      options.settings = {
        'opsTasks.connections': [{ name: connectionName, kind: 'jp1ao', baseUrl: jp1ao.url, username: jp1ao.username }],
        'opsTasks.refresh.activeIntervalSeconds': 600,
        'opsTasks.refresh.idleIntervalSeconds': 600,
      };
    });
    after(async () => {
      await jp1ao?.close();
    });

    const workbench = useWorkbench(options);

    /** Answers the Japanese password prompt of the one connection until the task row shows. */
    async function signIn(page: Page): Promise<void> {
      await openOpsTasksView(page);
      await until(
        'the task row after signing in',
        async () => {
          if ((await treeRows(page)).some((r) => r.label === task.name)) return true;
          const prompt = quickInput(page).locator('input[type="password"]');
          if (await prompt.isVisible()) {
            const title = (await prompt.getAttribute('aria-label')) ?? '';
            assert.match(title, new RegExp(`${connectionName} の .* のパスワード`));
            await prompt.fill(jp1ao!.password, { timeout: 2_000 }).catch(() => undefined);
            await prompt.press('Enter', { timeout: 2_000 }).catch(() => undefined);
          } else if (await rowByLabel(page, 'パスワードを設定…').first().isVisible()) {
            await rowByLabel(page, 'パスワードを設定…').first().click();
          }
          await sleep(250);
          return false;
        },
        60_000,
      );
    }

    it('keeps the Japanese connection name and shows the task status in Japanese', async () => {
      const { page } = workbench();
      await signIn(page);
      const rows = await treeRows(page);
      assert.ok(rows.some((r) => r.label === connectionName), `no row named ${connectionName}: ${JSON.stringify(rows)}`);
      const row = rows.find((r) => r.label === task.name);
      assert.match(row?.description ?? '', /^完了/);
    });

    it('the notes form is Japanese and a Japanese note reaches the server unchanged', async () => {
      const { page } = workbench();
      await contextMenu(page, task.name, 'メモと TODO を編集…');
      const frame = webviewFrame(page);
      await frame.locator('#notes textarea').waitFor();
      assert.equal((await frame.locator('vscode-label[for="notes"]').innerText()).trim(), 'メモ');
      assert.equal((await frame.locator('#save').innerText()).trim(), '保存');
      assert.equal((await frame.locator('#revert').innerText()).trim(), '元に戻す');
      assert.match(await frame.locator('#summary').innerText(), /状態\s*完了/);
      await frame.locator('#notes textarea').fill(note);
      assert.match(await frame.locator('#count').innerText(), /文字 · 未保存の変更/);
      await frame.locator('#notes textarea').press('Control+s');
      await until('the note on the server', () => jp1ao!.task(task.id)?.notes === note);
      await until('the saved announcement', async () => (await frame.locator('#status').innerText()).includes('保存しました。'));
      await runCommand(page, 'View: Close All Editors');
    });

    it('filters by Japanese words and says so in Japanese', async () => {
      const { page } = workbench();
      await runCommand(page, 'Ops Tasks: タスクを絞り込み…');
      await waitForQuickInputTitle(page, 'タスクを絞り込み (1/2): キーワード');
      await quickInputType(page, 'ベンダーの回答待ち');
      await waitForQuickInputTitle(page, 'タスクを絞り込み (2/2): 状態');
      await page.keyboard.press('Enter');
      await until('the filter message', async () => (await viewMessage(page).innerText().catch(() => '')).includes('「ベンダーの回答待ち」 で絞り込み中'));
      const labels = await until('only the annotated task', async () => {
        const rows = (await treeRows(page)).map((r) => r.label).filter((label) => label !== connectionName && label !== 'アーカイブ済みタスク');
        return rows.length === 1 ? rows : undefined;
      });
      assert.deepEqual(labels, [task.name]);
    });
  });

  describe('in English', () => {
    const workbench = useWorkbench();

    it('shows English again', async () => {
      const { page } = workbench();
      await openOpsTasksView(page);
      assert.deepEqual(await welcomeButtons(page), ['Add Connection', 'Try the Demo']);
      assert.match(await viewTitle(page), /TASKS/i);
      const text = await viewText(page);
      assert.match(text, /The demo starts two simulated servers on this machine/);
      assert.doesNotMatch(text, /[\u3040-\u30ff]/, 'no kana in the English view');
    });
  });
});
