import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import type { ModelSpec } from '../../../app/stylize';
import type { RgbImage } from '../../../app/video';
import { CancelledError } from '../jobs';
import { StylizeError } from './errors';
import { inferTensors, segmentImage, shutdownInference, stylizeImage } from './stylize-image';
import { blurNegateModel, firstChannelModel, heavyModel, redSegmenterModel, twoInputModel, writeModel } from './test-models';

after(() => shutdownInference());

const nchw = (range: [number, number] = [0, 1]): ModelSpec => ({
  input: { name: 'image', layout: 'NCHW', channelOrder: 'RGB', range },
  output: { name: 'out', layout: 'NCHW', channelOrder: 'RGB', range },
  sizeMultiple: 1,
});

function picture(width: number, height: number): RgbImage {
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 3;
      data[o] = (x * 255) / width;
      data[o + 1] = (y * 255) / height;
      data[o + 2] = ((x ^ y) & 0x3f) * 4;
    }
  }
  return { width, height, data };
}

test('the channel order of the spec is honoured both ways (BGR feeds blue first)', async () => {
  const file = firstChannelModel();
  const img = picture(40, 24);
  for (const order of ['BGR', 'RGB'] as const) {
    const spec: ModelSpec = {
      input: { name: 'x', layout: 'NHWC', channelOrder: order, range: [-1, 1] },
      output: { name: 'y', layout: 'NHWC', channelOrder: order, range: [-1, 1] },
      sizeMultiple: 4,
    };
    const r = await stylizeImage(img, { model: { file, spec }, provider: 'cpu' });
    assert.equal(r.provider, 'cpu');
    assert.equal(r.fallback, undefined);
    const source = order === 'BGR' ? 2 : 0;
    for (let i = 0; i < img.width * img.height; i++) {
      for (let c = 0; c < 3; c++) assert.ok(Math.abs(r.image.data[i * 3 + c] - img.data[i * 3 + source]) <= 1, `${order} pixel ${i}`);
    }
  }
});

test('odd sizes are padded to the size multiple and cropped back; --size resizes and returns the input size', async () => {
  const spec = { ...nchw(), sizeMultiple: 8 };
  const img = picture(37, 21);
  const r = await stylizeImage(img, { model: { file: blurNegateModel(), spec }, provider: 'cpu' });
  assert.equal(r.image.width, 37);
  assert.equal(r.image.height, 21);
  // blur + negate of the centre pixel, computed here
  const x = 18;
  const y = 10;
  for (let c = 0; c < 3; c++) {
    let s = 0;
    for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) s += img.data[((y + dy) * 37 + x + dx) * 3 + c] / 255 / 9;
    assert.ok(Math.abs(r.image.data[(y * 37 + x) * 3 + c] - 0) <= 1 || s <= 0, 'negated values clip to 0');
  }
  const small = await stylizeImage(img, { model: { file: blurNegateModel(), spec: { ...nchw([-1, 1]), sizeMultiple: 8 } }, size: 16 });
  assert.equal(small.processedWidth, 16);
  assert.equal(small.processedHeight, 9);
  assert.equal(small.image.width, 37);
  assert.equal(small.image.height, 21);
  // In [-1,1], negation is colour inversion: the output's mean is 255 minus the input's (up to the blur).
  const mean = (d: Uint8Array) => d.reduce((a, b) => a + b, 0) / d.length;
  assert.ok(Math.abs(mean(small.image.data) - (255 - mean(img.data))) < 6, `inverted mean ${mean(small.image.data)} vs ${255 - mean(img.data)}`);
});

test('tiled and whole-frame runs of a local model agree (seams feathered away)', async () => {
  const spec = { ...nchw([-1, 1]), sizeMultiple: 4 };
  const file = blurNegateModel();
  const img = picture(300, 180);
  const whole = await stylizeImage(img, { model: { file, spec }, tile: 0 });
  const tiled = await stylizeImage(img, { model: { file, spec }, tile: 96, overlap: 32 });
  assert.equal(whole.tiles, 1);
  assert.ok(tiled.tiles >= 6, `${tiled.tiles} tiles`);
  let max = 0;
  for (let i = 0; i < img.data.length; i++) max = Math.max(max, Math.abs(whole.image.data[i] - tiled.image.data[i]));
  assert.ok(max <= 2, `max difference ${max}`);
});

test('progress is reported per tile, and cancelling stops between tiles', async () => {
  const spec = { ...nchw(), sizeMultiple: 4 };
  const file = heavyModel(16, 3);
  const img = picture(512, 512);
  const seen: number[] = [];
  const ok = await stylizeImage(img, { model: { file, spec }, tile: 256, overlap: 16 }, { onProgress: (p) => seen.push(p.done) });
  assert.equal(ok.tiles, 9);
  assert.deepEqual(seen, [1, 2, 3, 4, 5, 6, 7, 8, 9]);

  const controller = new AbortController();
  const started = Date.now();
  const job = stylizeImage(img, { model: { file, spec }, tile: 128, overlap: 16 }, {
    signal: controller.signal,
    onProgress: (p) => p.done === 2 && controller.abort(),
  });
  await assert.rejects(job, CancelledError);
  const perTile = ok.ms / ok.tiles;
  assert.ok(Date.now() - started < ok.ms, `cancelled in ${Date.now() - started} ms, a full run took ${ok.ms.toFixed(0)} ms (${perTile.toFixed(0)} per tile)`);
  // The worker is free again afterwards.
  const again = await stylizeImage(picture(64, 64), { model: { file, spec } });
  assert.equal(again.image.width, 64);
});

test('the event loop stays responsive during a long inference (onnxruntime-node run() blocks its thread)', async () => {
  const spec = { ...nchw(), sizeMultiple: 4 };
  const file = heavyModel(32, 4);
  const img = picture(800, 800);
  await stylizeImage(img, { model: { file, spec }, tile: 0 }); // load the session and plan its memory first
  const measure = async (work: () => Promise<unknown>) => {
    let last = performance.now();
    let maxGap = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      maxGap = Math.max(maxGap, now - last);
      last = now;
    }, 5);
    const t0 = performance.now();
    await work();
    const end = performance.now();
    clearInterval(timer);
    return { maxGap: Math.max(maxGap, end - last), ms: end - t0 };
  };
  const inWorker = await measure(() => stylizeImage(img, { model: { file, spec }, tile: 0 }));
  // The same graph on this thread, straight through onnxruntime-node: the reason the worker exists.
  const ort = require('onnxruntime-node') as typeof import('onnxruntime-node');
  const session = await ort.InferenceSession.create(file, { intraOpNumThreads: 2 });
  const input = new ort.Tensor('float32', new Float32Array(3 * 800 * 800), [1, 3, 800, 800]);
  await session.run({ image: input });
  const onThread = await measure(() => session.run({ image: input }));
  await session.release();
  console.log(
    `# event loop: worker run ${inWorker.ms.toFixed(0)} ms, longest tick gap ${inWorker.maxGap.toFixed(0)} ms; ` +
      `same model run on the main thread ${onThread.ms.toFixed(0)} ms, longest gap ${onThread.maxGap.toFixed(0)} ms`,
  );
  assert.ok(onThread.maxGap > onThread.ms * 0.5, 'onnxruntime-node blocks the calling thread during run()');
  assert.ok(inWorker.maxGap < Math.max(200, inWorker.ms * 0.5), `longest gap ${inWorker.maxGap.toFixed(0)} ms during ${inWorker.ms.toFixed(0)} ms`);
});

test('a segmentation model is letterboxed and its mask read back at the image size', async () => {
  const spec: ModelSpec = {
    input: { name: 'px', layout: 'NHWC', channelOrder: 'RGB', range: [-1, 1] },
    output: { name: 'logits', layout: 'NHWC', channelOrder: 'RGB', range: [-1, 1], meaning: 'logits', channels: 2 },
    sizeMultiple: 1,
    fixedSize: { width: 32, height: 32 },
    fit: 'letterbox',
    padValue: 0,
  };
  // 80×40 grey picture with a red block at x 40..64, y 8..32
  const img: RgbImage = { width: 80, height: 40, data: new Uint8Array(80 * 40 * 3).fill(100) };
  for (let y = 8; y < 32; y++) for (let x = 40; x < 64; x++) img.data[(y * 80 + x) * 3] = 250;
  const seg = await segmentImage(img, { model: { file: redSegmenterModel(), spec }, classIndex: 1 });
  assert.equal(seg.labels.length, 80 * 40);
  const iou = (hit: (i: number) => boolean) => {
    let inter = 0;
    let union = 0;
    for (let y = 0; y < 40; y++) {
      for (let x = 0; x < 80; x++) {
        const truth = y >= 8 && y < 32 && x >= 40 && x < 64;
        const got = hit(y * 80 + x);
        if (truth && got) inter++;
        if (truth || got) union++;
      }
    }
    return inter / union;
  };
  const byProbability = iou((i) => seg.probability[i] > 0.5);
  const byLabel = iou((i) => seg.labels[i] === 1);
  assert.ok(byProbability > 0.85, `IoU of the probability mask ${byProbability.toFixed(3)}`);
  assert.ok(byLabel > 0.85, `IoU of the label mask ${byLabel.toFixed(3)}`);
});

test('raw tensors run through inferTensors (for graphs with extra inputs)', async () => {
  const file = twoInputModel();
  const a = { data: new Float32Array([1, 2, 3, 4, 5, 6]), dims: [1, 3, 1, 2] };
  const b = { data: new Float32Array([10, 20, 30, 40, 50, 60]), dims: [1, 3, 1, 2] };
  const r = await inferTensors({ file }, { image: a, style: b }, { provider: 'cpu' });
  assert.deepEqual([...r.outputs.out.data], [11, 22, 33, 44, 55, 66]);
  assert.deepEqual(r.outputs.out.dims, [1, 3, 1, 2]);
});

test('bad models and bad input fail with clear messages naming the file', async () => {
  const img = picture(16, 16);
  const corrupt = writeModel('corrupt', { inputs: [], outputs: [], nodes: [] }).replace('corrupt', 'corrupt-bytes');
  writeFileSync(corrupt, Buffer.from('this is not an onnx model, just text'));
  await assert.rejects(stylizeImage(img, { model: { file: corrupt, spec: nchw() } }), (e: unknown) => {
    assert.ok(e instanceof StylizeError);
    assert.equal(e.code, 'MODEL_CORRUPT');
    assert.ok(e.message.startsWith(`${corrupt}: onnxruntime cannot load this model`), e.message);
    return true;
  });
  await assert.rejects(stylizeImage(img, { model: { file: '/nonexistent/model.onnx', spec: nchw() } }), (e: unknown) => {
    return e instanceof StylizeError && e.code === 'MODEL_NOT_FOUND' && e.message === '/nonexistent/model.onnx: model file not found';
  });
  await assert.rejects(stylizeImage(img, { model: { file: twoInputModel(), spec: nchw() } }), (e: unknown) => {
    assert.ok(e instanceof StylizeError && e.code === 'MODEL_SPEC_MISMATCH');
    assert.match(e.message, /two-inputs\.onnx: the model wants inputs the spec does not feed: style float32 \[1, 3, h, w\]/);
    return true;
  });
  const wrongName = { ...nchw(), input: { ...nchw().input, name: 'photo' } };
  await assert.rejects(stylizeImage(img, { model: { file: blurNegateModel(), spec: wrongName } }), /no input named "photo"; the model's inputs are: image float32 \[1, 3, h, w\]/);
  const wrongLayout = { ...nchw(), input: { ...nchw().input, layout: 'NHWC' as const } };
  await assert.rejects(stylizeImage(img, { model: { file: blurNegateModel(), spec: wrongLayout } }), /input "image" has .* channels where NHWC puts them, expected 3|fixed size/);
  await assert.rejects(stylizeImage({ width: 10, height: 10, data: new Uint8Array(5) }, { model: { file: blurNegateModel(), spec: nchw() } }), (e: unknown) => {
    return e instanceof StylizeError && e.code === 'IMAGE_INVALID' && /10x10 has 5 bytes, expected 300/.test(e.message);
  });
});

test('asking for a provider that is not present falls back to CPU with the reason', async () => {
  const r = await stylizeImage(picture(16, 16), { model: { file: blurNegateModel(), spec: nchw() }, provider: 'cuda' });
  const cudaThere = require('./providers').listProviders().find((p: { name: string }) => p.name === 'cuda').available;
  if (cudaThere) return; // a machine with the CUDA add-on: nothing to fall back from
  assert.equal(r.provider, 'cpu');
  assert.match(r.fallback ?? '', /^cuda: .*not installed.*npm run install:cuda.*; running on CPU$/);
  const dml = await stylizeImage(picture(16, 16), { model: { file: blurNegateModel(), spec: nchw() }, provider: 'dml' });
  if (process.platform !== 'win32') assert.match(dml.fallback ?? '', /^dml: DirectML exists only on Windows; running on CPU$/);
});
