import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type { RgbImage } from '../../../app/video';
import { CancelledError } from '../jobs';
import { decodeImage } from '../video';
import { pipelineIo, processImageFiles, type ImageWork } from './process-files';

const original = { ...pipelineIo };
afterEach(() => Object.assign(pipelineIo, original));

/** `count` PNGs of 96×54, each a flat colour that says its index (red = 10·i). */
async function pictures(count: number): Promise<{ dir: string; inputs: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'process-files-'));
  const inputs: string[] = [];
  for (let i = 0; i < count; i++) {
    const path = join(dir, `p${i}.png`);
    await sharp({ create: { width: 96, height: 54, channels: 3, background: { r: 10 * i, g: 100, b: 200 } } }).png().toFile(path);
    inputs.push(path);
  }
  return { dir, inputs };
}

const invert = (img: RgbImage): RgbImage => ({ ...img, data: img.data.map((v) => 255 - v) });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Wraps decode and encode to log when each picture enters and leaves each stage. */
function logStages(log: string[]): void {
  pipelineIo.decode = async (path, o) => {
    const i = /p(\d+)\.png$/.exec(path)?.[1];
    log.push(`decode+ ${i}`);
    const img = await original.decode(path, o);
    log.push(`decode- ${i}`);
    return img;
  };
  pipelineIo.encode = async (path, img, o) => {
    const i = /p(\d+)\.png$/.exec(path)?.[1];
    log.push(`write+ ${i}`);
    await sleep(150); // a slow disk: the next work must not wait for it
    await original.encode(path, img, o);
    log.push(`write- ${i}`);
  };
}

test('stages overlap: the next picture is decoded while one is worked on, the last one written meanwhile; order kept', async () => {
  const { dir, inputs } = await pictures(5);
  const log: string[] = [];
  logStages(log);
  const work: ImageWork<{ ms: number }> = async (image, input) => {
    const i = /p(\d+)\.png$/.exec(input)?.[1];
    log.push(`work+ ${i}`);
    await sleep(60);
    log.push(`work- ${i}`);
    return { image: invert(image), ms: 60 };
  };
  const out = join(dir, 'out');
  const r = await processImageFiles(inputs, out, work);
  assert.deepEqual(r.files.map((f) => f.output), inputs.map((_, i) => join(out, `p${i}.png`)), 'results in input order');
  assert.deepEqual(r.failures, []);
  const at = (e: string) => log.indexOf(e);
  for (let i = 0; i < 4; i++) {
    assert.ok(at(`decode+ ${i + 1}`) < at(`work- ${i}`), `picture ${i + 1} is decoded while ${i} is worked on: ${log.join(', ')}`);
    assert.ok(at(`work+ ${i + 1}`) < at(`write- ${i}`), `picture ${i + 1} is worked on while ${i} is written: ${log.join(', ')}`);
    if (i < 3) assert.ok(at(`decode+ ${i + 2}`) > at(`work- ${i}`), `never more than one picture decoded ahead: ${log.join(', ')}`);
    assert.ok(at(`write- ${i}`) < at(`write+ ${i + 1}`), 'one write at a time');
  }
  for (const [i, f] of r.files.entries()) {
    const img = await decodeImage(f.output);
    assert.deepEqual([...img.data.subarray(0, 3)], [255 - 10 * i, 155, 55], `${f.output} is picture ${i}, worked on`);
  }
});

test('a picture that does not decode and one whose work fails are reported in order; the rest are written', async () => {
  const { dir, inputs } = await pictures(4);
  writeFileSync(inputs[1], 'not a picture at all');
  const work: ImageWork<object> = async (image, input) => {
    if (input.endsWith('p2.png')) throw new Error('too large for the provider');
    return { image: invert(image) };
  };
  const out = join(dir, 'out');
  const r = await processImageFiles(inputs, out, work);
  assert.deepEqual(r.files.map((f) => f.input), [inputs[0], inputs[3]]);
  assert.deepEqual(r.failures.map((f) => [f.input, f.code]), [[inputs[1], 'NOT_AN_IMAGE'], [inputs[2], undefined]]);
  assert.match(r.failures[1].error, /^p2\.png: too large for the provider$/);
  assert.deepEqual(readdirSync(out).sort(), ['p0.png', 'p3.png']);
});

test('a cancel stops at once: no further picture is worked on, nothing is written after, no partial file', async () => {
  const { dir, inputs } = await pictures(5);
  const log: string[] = [];
  logStages(log);
  const controller = new AbortController();
  let cancelledAt = 0;
  const work: ImageWork<object> = (image, input, ctx) =>
    new Promise((resolve, reject) => {
      log.push(`work+ ${/p(\d+)\.png$/.exec(input)?.[1]}`);
      if (input.endsWith('p2.png')) {
        // The inference of picture 2 is cancelled midway (the worker rejects at once on abort).
        ctx.signal?.addEventListener('abort', () => reject(new CancelledError()), { once: true });
        setTimeout(() => {
          cancelledAt = performance.now();
          controller.abort();
        }, 20);
        return;
      }
      resolve({ image: invert(image) });
    });
  const out = join(dir, 'out');
  await assert.rejects(processImageFiles(inputs, out, work, { signal: controller.signal }), CancelledError);
  assert.ok(performance.now() - cancelledAt < 500, `returned ${(performance.now() - cancelledAt).toFixed(0)} ms after the cancel`);
  assert.ok(!log.includes('work+ 3'), `no picture after the cancelled one is worked on: ${log.join(', ')}`);
  // Pictures whose write was still in flight are dropped with the rest; what is there is whole.
  const written = readdirSync(out).sort();
  assert.ok(written.every((f) => ['p0.png', 'p1.png'].includes(f)), `only pictures before the cancelled one, no temporary file: ${written.join(', ')}`);
  for (const f of written) assert.deepEqual((await decodeImage(join(out, f))).width, 96, `${f} is whole`);
  await sleep(100);
  assert.deepEqual(readdirSync(out).sort(), written, 'nothing is written after the call returned');
});
