// Settings a person can read: every choice of every enum setting is described (in English and
// Japanese), and the descriptions users asked about say what the setting does.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../../..');
const read = (file: string) => JSON.parse(readFileSync(join(root, file), 'utf8')) as Record<string, unknown>;

interface SchemaNode {
  enum?: unknown[];
  enumDescriptions?: string[];
  markdownEnumDescriptions?: string[];
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
}

function* enums(name: string, node: SchemaNode): Generator<[string, SchemaNode]> {
  if (node.enum) yield [name, node];
  for (const [child, value] of Object.entries(node.properties ?? {})) yield* enums(`${name}.${child}`, value);
  if (node.items) yield* enums(`${name}[]`, node.items);
}

describe('settings texts', () => {
  const manifest = read('package.json') as { contributes: { configuration: { properties: Record<string, SchemaNode> } } };
  const english = read('package.nls.json') as Record<string, string>;
  const japanese = read('package.nls.ja.json') as Record<string, string>;
  const text = (value: string, bundle: Record<string, string>) => value.replace(/^%(.+)%$/, (_, key: string) => bundle[key] ?? `(missing ${key})`);

  it('describes every value of every enum setting, in both languages', () => {
    const found = Object.entries(manifest.contributes.configuration.properties).flatMap(([name, node]) => [...enums(name, node)]);
    assert.ok(found.length >= 2, 'the enum settings were found');
    for (const [name, node] of found) {
      const descriptions = node.enumDescriptions ?? node.markdownEnumDescriptions;
      assert.equal(descriptions?.length, node.enum!.length, `${name}: one description per value`);
      for (const description of descriptions!) {
        assert.ok(text(description, english).trim() && !text(description, english).startsWith('(missing'), `${name}: ${description} in English`);
        assert.ok(text(description, japanese).trim() && !text(description, japanese).startsWith('(missing'), `${name}: ${description} in Japanese`);
      }
    }
  });

  it('says what the idle interval means for work started elsewhere, what the cancel time-out does, and where to add a connection', () => {
    assert.match(english['config.refresh.idleIntervalSeconds.description']!, /started elsewhere .* appears in the tree within this interval/);
    assert.match(english['config.lxca.cancelExpirationSeconds.description']!, /cancel an LXCA job .* seconds to stop the work/);
    assert.doesNotMatch(english['config.lxca.cancelExpirationSeconds.description']!, /^expirationTimeOut/);
    assert.match(english['config.connections.markdownDescription']!, /Add Connection…/);
    assert.match(japanese['config.connections.markdownDescription']!, /接続を追加…/);
  });
});
