// The task model's texts go through one translate function: English by default, the display
// language once the extension hands in vscode.l10n.t and the language.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jp1aoStatusMeaning } from '../../src/tasks/jp1aoStatus';
import { classifyLxcaStatus } from '../../src/tasks/lxcaStatus';
import { t, useTranslation } from '../../src/tasks/l10n';
import { summarise } from '../../src/tasks/summary';
import { relativeTime } from '../../src/tasks/time';

const japanese = JSON.parse(readFileSync(join(__dirname, '../../../l10n/bundle.l10n.ja.json'), 'utf8')) as Record<string, string>;
/** What vscode.l10n.t does with a loaded bundle: look the message up, then fill in {0}, {1}… */
const fromBundle = (message: string, ...args: Array<string | number | boolean>) =>
  (Object.hasOwn(japanese, message) ? japanese[message]! : message).replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]));

describe('task model texts in the display language', () => {
  afterEach(() => useTranslation((message, ...args) => message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)])), undefined));

  it('defaults to English with placeholders filled in', () => {
    assert.equal(t('{0} running', 3), '3 running');
    assert.equal(jp1aoStatusMeaning('waitingResponse').label, 'Waiting for Response');
    assert.equal(summarise({ running: 2, failed: 1 }), '2 running · 1 failed');
  });

  it('speaks Japanese with the JP1/AO product terms once Japanese is handed in', () => {
    useTranslation(fromBundle, 'ja');
    assert.deepEqual(
      ['waiting', 'holding', 'inProgress', 'waitingResponse', 'abnormalDetection', 'terminating', 'completed', 'failed', 'canceled'].map((s) => jp1aoStatusMeaning(s).label),
      ['待機中', '保留中', '実行中', '応答待ち', '異常検知', '終了処理中', '完了', '異常終了', 'キャンセル'],
    );
    assert.equal(classifyLxcaStatus('Running_With_Errors').label, '実行中 (エラーあり)');
    assert.equal(summarise({ running: 2, failed: 1 }), '実行中 2 · 異常終了 1');
    assert.equal(relativeTime(Date.now() - 5 * 60_000), '5 分前');
  });

  it('shows an unknown status as the server sent it, in any language', () => {
    useTranslation(fromBundle, 'ja');
    assert.equal(jp1aoStatusMeaning('新しい状態').label, '新しい状態');
    assert.equal(classifyLxcaStatus('Frobnicating').label, 'Frobnicating');
  });
});
