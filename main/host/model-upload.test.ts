import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiReply, ModelSummary } from '../../app/api';
import { bundledModelFile } from '../services/store';
import { startHost } from './index';

process.env.YOUR_CARTOON_DATA = mkdtempSync(join(tmpdir(), 'ycis-host-upload-'));

function rendererDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ycis-host-ui-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>ui</title>');
  return dir;
}

test('a model dropped in the browser is streamed to the host, imported and listed; bad uploads are refused, nothing left', async (t) => {
  const host = await startHost({ rendererDir: rendererDir() });
  t.after(() => host.close());
  const bytes = Buffer.from(readFileSync(bundledModelFile('builtin/toon.onnx')));
  bytes.write('O', bytes.indexOf("Project's own work") + "Project's ".length);
  const upload = (name: string, body: Uint8Array, headers: Record<string, string> = {}) =>
    fetch(`http://127.0.0.1:${host.port}/api/upload-model?name=${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream', Authorization: `Bearer ${host.token}`, ...headers },
      body,
    });
  const res = await upload('My Toon.onnx', bytes);
  assert.equal(res.status, 200);
  const reply = (await res.json()) as ApiReply<ModelSummary>;
  assert.ok(reply.ok, JSON.stringify(reply));
  assert.deepEqual([reply.value.id, reply.value.origin, reply.value.installed, reply.value.verifiedBy], ['my-toon', 'imported', true, 'spec']);
  assert.equal(existsSync(join(process.env.YOUR_CARTOON_DATA!, 'models', 'my-toon.onnx')), true);

  const garbage = (await (await upload('broken.onnx', Buffer.from('not a model'))).json()) as ApiReply;
  assert.equal(garbage.ok, false);
  assert.match(garbage.ok ? '' : garbage.error.message, /^broken\.onnx: not a model onnxruntime can load/);
  assert.equal((await upload('notes.txt', bytes)).status, 400);
  assert.equal((await upload('x.onnx', bytes, { Authorization: 'Bearer nope' })).status, 401);
  assert.equal((await upload('x.onnx', bytes, { 'Content-Type': 'text/plain' })).status, 415);
  assert.deepEqual(readdirSync(join(process.env.YOUR_CARTOON_DATA!, 'models', '.incoming')), [], 'no temporary file left');
});
