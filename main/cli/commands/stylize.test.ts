import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeWithFfmpeg, sharedModel } from '../../../test-support/fixtures';
import { main } from '../../cli';
import { decodeImage } from '../../services/video';
import { blurNegateModel } from '../../services/stylize/test-models';
import { bundledModelFile } from '../../services/store';
import { captureIO } from '../../../test-support/cli-capture';

const capture = captureIO;

function inputFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'stylize-cli-'));
  const src = join(dir, 'in');
  mkdirSync(src);
  copyFileSync(makeWithFfmpeg('cli-a.png', ['-f', 'lavfi', '-i', 'testsrc=size=160x90:rate=1', '-frames:v', '1']), join(src, 'shot one.png'));
  copyFileSync(makeWithFfmpeg('cli-b.jpg', ['-f', 'lavfi', '-i', 'smptebars=size=120x96:rate=1', '-frames:v', '1']), join(src, 'b.jpg'));
  writeFileSync(join(src, 'notes.txt'), 'not an image, skipped');
  return dir;
}

test('stylize a folder with the built-in style: one PNG per image, named after it, same size, stylized', async () => {
  const dir = inputFolder();
  const c = capture();
  const code = await main(['stylize', join(dir, 'in'), '--out', join(dir, 'out'), '--json'], c.io);
  assert.equal(code, 0, c.err());
  const report = JSON.parse(c.out());
  assert.equal(report.model, 'builtin-toon');
  assert.equal(report.provider, 'cpu');
  assert.deepEqual(readdirSync(join(dir, 'out')).sort(), ['b.png', 'shot one.png']);
  const input = await decodeImage(join(dir, 'in', 'shot one.png'));
  const output = await decodeImage(join(dir, 'out', 'shot one.png'));
  assert.deepEqual([output.width, output.height], [160, 90]);
  let diff = 0;
  for (let i = 0; i < input.data.length; i++) diff += Math.abs(input.data[i] - output.data[i]);
  assert.ok(diff / input.data.length > 2, `stylized output differs from the input (mean ${(diff / input.data.length).toFixed(1)})`);
  assert.match(c.err(), /model builtin-toon ran on CPU/);
  assert.doesNotMatch(c.err(), /licence:|credits:/, 'the built-in style asks for no credit');
  assert.equal(report.attribution, undefined);
});

test('a model file with a spec beside it, a provider that is absent, and --size', async () => {
  const dir = inputFolder();
  const model = join(dir, 'negate.onnx');
  copyFileSync(blurNegateModel(), model);
  const spec = {
    input: { name: 'image', layout: 'NCHW', channelOrder: 'RGB', range: [-1, 1] },
    output: { name: 'out', layout: 'NCHW', channelOrder: 'RGB', range: [-1, 1] },
    sizeMultiple: 4,
  };
  writeFileSync(`${model}.json`, JSON.stringify({ spec }));
  const c = capture();
  const code = await main(['stylize', join(dir, 'in', 'b.jpg'), '-o', join(dir, 'out'), '--model', model, '--provider', 'dml', '--size', '64'], c.io);
  assert.equal(code, 0, c.err());
  assert.match(c.err(), /ran on CPU \(fallback: dml: /);
  assert.match(c.out(), /b\.png {2}120x96 \(at 64x51\) {2}1 tile/);
  const out = await decodeImage(join(dir, 'out', 'b.png'));
  assert.deepEqual([out.width, out.height], [120, 96]);
});

test('clear failures: unreadable image (exit 1, file named), unknown model, bad options (exit 2)', async () => {
  const dir = inputFolder();
  const bad = join(dir, 'broken.png');
  writeFileSync(bad, 'definitely not a PNG');
  let c = capture();
  assert.equal(await main(['stylize', bad, '--out', join(dir, 'out')], c.io), 1);
  assert.match(c.err(), /failed: broken\.png: not an image file/);
  assert.match(c.err(), /your-cartoon stylize: 1 of 1 image failed; 0 written/);
  assert.ok(!existsSync(join(dir, 'out', 'broken.png')));

  c = capture();
  assert.equal(await main(['stylize', join(dir, 'in'), '--out', join(dir, 'out'), '--model', 'no-such-style'], c.io), 1);
  assert.match(c.err(), /no model "no-such-style" in the catalog/);

  c = capture();
  const unknown = join(dir, 'unknown.onnx');
  copyFileSync(blurNegateModel(), unknown);
  assert.equal(await main(['stylize', join(dir, 'in'), '--out', join(dir, 'out'), '--model', unknown], c.io), 1);
  assert.match(c.err(), /unknown\.onnx: this file is not in the model catalog .* no spec beside it/);

  for (const args of [['--out', 'x'], [join(dir, 'in')], [join(dir, 'in'), '--out', 'x', '--provider', 'tpu'], [join(dir, 'in'), '--out', 'x', '--engine', 'gpu'], [join(dir, 'in'), '--out', 'x', '--tile', '10'], [join(dir, 'in'), '--out', 'x', '--size', '8']]) {
    c = capture();
    assert.equal(await main(['stylize', ...args], c.io), 2, args.join(' '));
    assert.match(c.err(), /Usage: your-cartoon stylize/);
  }
});

test('a folder with an image that does not decode: the others are written, the failure is listed, exit 1', async () => {
  const dir = inputFolder();
  writeFileSync(join(dir, 'in', 'a broken.png'), 'definitely not a PNG');
  writeFileSync(join(dir, 'in', 'z empty.jpg'), '');
  let c = capture();
  assert.equal(await main(['stylize', join(dir, 'in'), '--out', join(dir, 'out')], c.io), 1);
  assert.deepEqual(readdirSync(join(dir, 'out')).sort(), ['b.png', 'shot one.png']);
  assert.match(c.out(), /shot one\.png {2}160x90/);
  const failed = c.err().split('\n').filter((l) => l.startsWith('failed: '));
  assert.deepEqual(failed, ['failed: a broken.png: not an image file (its contents match no picture format: PNG, JPEG, WebP, TIFF, GIF, AVIF, SVG)', 'failed: z empty.jpg: the file is empty (0 bytes)']);
  assert.match(c.err(), /2 of 4 images failed; 2 written to /);

  c = capture();
  assert.equal(await main(['stylize', join(dir, 'in'), '--out', join(dir, 'out2'), '--json'], c.io), 1);
  const report = JSON.parse(c.out());
  assert.equal(report.files.length, 2);
  assert.deepEqual(report.failures.map((f: { input: string; code: string }) => [f.input, f.code]), [
    [join(dir, 'in', 'a broken.png'), 'NOT_AN_IMAGE'],
    [join(dir, 'in', 'z empty.jpg'), 'EMPTY'],
  ]);
});

test('without --size a model runs at its recommended long side when the image is larger; --size 0 at full size', async (t) => {
  const whitebox = sharedModel('whitebox_cartoon.onnx');
  if (!whitebox) return t.skip('../shared/models/whitebox_cartoon.onnx is absent');
  const dir = mkdtempSync(join(tmpdir(), 'stylize-size-'));
  const strip = makeWithFfmpeg('wide-strip.png', ['-f', 'lavfi', '-i', 'testsrc2=size=1296x160:rate=1', '-frames:v', '1']);
  let c = capture();
  assert.equal(await main(['stylize', strip, '--out', join(dir, 'a'), '--model', whitebox, '--tile', '0'], c.io), 0, c.err());
  assert.match(c.out(), /wide-strip\.png {2}1296x160 \(at 1280x158\) {2}1 tile/);
  // White-box's licence asks for credit: the summary says so and ATTRIBUTION.txt goes beside the pictures.
  assert.match(c.err(), /licence: White-box Cartoonization: CC BY-NC-SA 4\.0 \(NOT for commercial use\)/);
  assert.match(c.err(), /credits: .*ATTRIBUTION\.txt/);
  const credits = readFileSync(join(dir, 'a', 'ATTRIBUTION.txt'), 'utf8');
  assert.match(credits, /- White-box Cartoonization \(whitebox-cartoon\): Xinrui Wang and Jinze Yu, .*CVPR 2020.*Licence: CC BY-NC-SA 4\.0/);
  assert.match(credits, /Not for commercial use: White-box Cartoonization/);
  c = capture();
  assert.equal(await main(['stylize', strip, '--out', join(dir, 'b'), '--model', whitebox, '--tile', '0', '--size', '0', '--json'], c.io), 0, c.err());
  const report = JSON.parse(c.out());
  const file = report.files[0];
  assert.deepEqual([file.processedWidth, file.processedHeight, file.width, file.height], [1296, 160, 1296, 160]);
  assert.equal(report.attribution.file, join(dir, 'b', 'ATTRIBUTION.txt'));
  assert.deepEqual(report.attribution.credits.map((x: { id: string }) => x.id), ['whitebox-cartoon']);
  assert.match(report.attribution.lines[0], /Xinrui Wang/);
});

test('--model names a model the user imported under an id the catalog does not have', async () => {
  const dir = inputFolder();
  const before = process.env.YOUR_CARTOON_DATA;
  process.env.YOUR_CARTOON_DATA = join(dir, 'data');
  try {
    const bytes = Buffer.from(readFileSync(bundledModelFile('builtin/toon.onnx')));
    bytes.write('O', bytes.indexOf("Project's own work") + "Project's ".length); // not the catalog's bytes any more
    writeFileSync(join(dir, 'mine.onnx'), bytes);
    let c = capture();
    assert.equal(await main(['models', 'import', join(dir, 'mine.onnx'), '--id', 'my-toon'], c.io), 0, c.err());
    c = capture();
    assert.equal(await main(['stylize', join(dir, 'in', 'b.jpg'), '--out', join(dir, 'mine'), '--model', 'my-toon'], c.io), 0, c.err());
    assert.match(c.err(), /model my-toon ran on CPU/);
    assert.match(c.err(), /licence: my-toon: unknown \(a file you imported: check its licence yourself\) \(NOT for commercial use\)/);
    c = capture();
    assert.equal(await main(['stylize', join(dir, 'in', 'b.jpg'), '--out', join(dir, 'builtin')], c.io), 0, c.err());
    const mine = await decodeImage(join(dir, 'mine', 'b.png'));
    const builtin = await decodeImage(join(dir, 'builtin', 'b.png'));
    assert.ok(Buffer.from(mine.data).equals(Buffer.from(builtin.data)), 'the same graph gives the same picture');
    assert.deepEqual(readdirSync(join(dir, 'mine')), ['b.png'], 'nothing to credit');
  } finally {
    if (before === undefined) delete process.env.YOUR_CARTOON_DATA;
    else process.env.YOUR_CARTOON_DATA = before;
  }
});

test('a key-frame folder made by `your-cartoon keyframes`: only its images are stylized, keyframes.json is passed over quietly', async () => {
  // Two 2 s shots (a cut between them), small frames: `keyframes` writes JPEGs and keyframes.json.
  const video = makeWithFfmpeg('stylize-keyframes.mp4', [
    '-f', 'lavfi', '-i', 'testsrc2=size=192x108:rate=25:duration=2',
    '-f', 'lavfi', '-i', 'smptebars=size=192x108:rate=25:duration=2',
    '-filter_complex', '[0][1]concat=n=2:v=1', '-pix_fmt', 'yuv420p',
  ]);
  const dir = mkdtempSync(join(tmpdir(), 'stylize-keyframes-'));
  const frames = join(dir, 'frames');
  let c = capture();
  assert.equal(await main(['keyframes', video, '--out', frames], c.io), 0, c.err());
  const doc = JSON.parse(readFileSync(join(frames, 'keyframes.json'), 'utf8')) as { keyframes: { file: string }[] };
  assert.ok(doc.keyframes.length >= 2, `${doc.keyframes.length} key frames`);
  writeFileSync(join(frames, `.${doc.keyframes[0].file}.123-abcd.tmp`), 'a write that was interrupted');

  for (const out of [join(frames, 'panels'), join(frames, 'panels')]) {
    // Twice: the second run finds its own output folder inside the key-frame folder and passes it over too.
    c = capture();
    assert.equal(await main(['stylize', frames, '--out', out], c.io), 0, c.err());
    const expected = doc.keyframes.map((k) => k.file.replace(/\.jpg$/, '.png')).sort();
    assert.deepEqual(readdirSync(out).sort(), expected);
    assert.equal(c.out().trim().split('\n').length, doc.keyframes.length);
    assert.doesNotMatch(c.err(), /keyframes\.json|failed|\.tmp|panels/);
  }
});
