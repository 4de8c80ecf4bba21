import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import type { ModelSpec } from '../../../app/stylize';
import type { RgbImage } from '../../../app/video';
import { StylizeError } from './errors';
import { builtinNativeRunner } from './builtin-native';
import { resolveModel } from './model-resolve';
import { planStylize } from './plan';
import { prepareModels, shutdownInference, stylizeImage } from './stylize-image';
import { blurNegateModel } from './test-models';

after(() => shutdownInference());

function picture(width: number, height: number): RgbImage {
  const data = new Uint8Array(width * height * 3);
  for (let i = 0; i < data.length; i++) data[i] = (i * 37) % 251;
  return { width, height, data };
}

test("a plan's prepare opens the very session its pictures then run on (one session, made before the first picture)", async () => {
  await shutdownInference(); // a fresh worker: no session yet
  // The built-in style's graph in onnxruntime: on the CPU it is otherwise computed natively, with no session.
  const plan = await planStylize({ model: 'builtin-toon', masks: [], provider: 'cpu', engine: 'onnxruntime' });
  const [prepared] = await Promise.all(plan.prepare());
  assert.equal(prepared.prepared, 'session', JSON.stringify(prepared));
  assert.equal(prepared.prepared === 'session' && prepared.sessionsOpened, 1);
  for (let i = 0; i < 2; i++) {
    const r = await plan.work(picture(64 + i * 8, 40), `p${i}.png`, {});
    // A second session here would mean the prepare opened one under another key: the first picture waited anyway.
    assert.equal((r as { sessionsOpened?: number }).sessionsOpened, 1, `picture ${i}`);
  }
});

test('the built-in style on the CPU is prepared as its native kernels, without any onnxruntime session', async (t) => {
  const model = await resolveModel('builtin-toon');
  if (!(await builtinNativeRunner(model.file))) return t.skip('the native kernels are not built here: the style runs in onnxruntime');
  await shutdownInference();
  const [prepared] = await Promise.all(prepareModels([model], { provider: 'cpu' }));
  assert.deepEqual(prepared, { prepared: 'native' });
});

test('a model that cannot load fails its prepare quietly, and the picture then says why, naming the file', async () => {
  const file = blurNegateModel().replace(/\.onnx$/, '-broken.onnx');
  writeFileSync(file, 'not an onnx model at all');
  const range: [number, number] = [0, 1];
  const spec: ModelSpec = {
    input: { name: 'image', layout: 'NCHW', channelOrder: 'RGB', range },
    output: { name: 'out', layout: 'NCHW', channelOrder: 'RGB', range },
    sizeMultiple: 1,
  };
  const model = { file, spec };
  const [prepared] = await Promise.all(prepareModels([{ ...model, id: 'broken' }], { provider: 'cpu' }));
  assert.equal(prepared.prepared, 'failed');
  await assert.rejects(stylizeImage(picture(32, 24), { model: { ...model, id: 'broken' }, provider: 'cpu' }), (e: unknown) => {
    assert.ok(e instanceof StylizeError);
    assert.equal(e.code, 'MODEL_CORRUPT');
    assert.ok(e.message.startsWith(`${file}: onnxruntime cannot load this model`), e.message);
    return true;
  });
});

test('prepares still queued when the inference shuts down load nothing (a refused job does not wait for every model)', async () => {
  await shutdownInference();
  const builtin = await resolveModel('builtin-toon');
  const models = ['a', 'b', 'c'].map((id) => ({ ...builtin, id }));
  // Three prepares of one model file, one of them under another preset: two sessions if they all ran.
  const presets = ['tuned', 'default', 'tuned'] as const;
  const pending = models.map((m, i) => prepareModels([m], { provider: 'cpu', engine: 'onnxruntime', sessionOptions: presets[i] })[0]);
  await shutdownInference();
  const results = await Promise.all(pending);
  assert.equal(results[2].prepared, 'cancelled', JSON.stringify(results));
  assert.equal(results[1].prepared, 'cancelled', JSON.stringify(results));
});
