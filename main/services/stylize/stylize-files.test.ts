import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeWithFfmpeg } from '../../../test-support/fixtures';
import { decodeImage } from '../video';
import { StylizeError } from './errors';
import { stylizeImage, shutdownInference } from './stylize-image';
import { listInputImages, stylizeFiles } from './stylize-files';

after(() => shutdownInference());

/** A folder mixing good images, images that do not decode, and files that are not images at all. */
function mixedFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'stylize-files-'));
  const png = makeWithFfmpeg('files-a.png', ['-f', 'lavfi', '-i', 'testsrc=size=160x90:rate=1', '-frames:v', '1']);
  copyFileSync(png, join(dir, 'a.png'));
  writeFileSync(join(dir, 'b broken.png'), 'definitely not a PNG');
  writeFileSync(join(dir, 'c truncated.png'), readFileSync(png).subarray(0, 400)); // a copy cut short
  copyFileSync(makeWithFfmpeg('files-d.jpg', ['-f', 'lavfi', '-i', 'smptebars=size=128x72:rate=1', '-frames:v', '1']), join(dir, 'd.jpg'));
  writeFileSync(join(dir, 'e empty.jpg'), '');
  writeFileSync(join(dir, 'keyframes.json'), '{}');
  writeFileSync(join(dir, '._a.png'), 'macOS resource fork'); // hidden: passed over
  mkdirSync(join(dir, 'styled.png')); // a folder with an image's name: passed over
  return dir;
}

test('a folder: the images only, sorted; hidden files, other files and sub-folders passed over', async () => {
  const dir = mixedFolder();
  const names = (await listInputImages(dir)).map((p) => p.slice(dir.length + 1));
  assert.deepEqual(names, ['a.png', 'b broken.png', 'c truncated.png', 'd.jpg', 'e empty.jpg']);
  await assert.rejects(listInputImages(join(dir, 'nope')), /nope: no such file or folder/);
});

test('images that do not decode are reported one by one; the others are stylized and written whole', async () => {
  const dir = mixedFolder();
  const out = join(dir, 'out');
  const inputs = await listInputImages(dir);
  const r = await stylizeFiles(inputs, out, { provider: 'cpu' });

  assert.deepEqual(r.files.map((f) => f.output.slice(out.length + 1)), ['a.png', 'd.png']);
  assert.deepEqual(r.failures.map((f) => f.input.slice(dir.length + 1)), ['b broken.png', 'c truncated.png', 'e empty.jpg']);
  for (const f of r.failures) {
    const name = f.input.slice(dir.length + 1);
    assert.ok(f.error.startsWith(`${name}: `), f.error);
  }
  assert.match(r.failures[0].error, /not an image file/);
  assert.match(r.failures[1].error, /damaged or incomplete/);
  assert.equal(r.failures[1].code, 'CORRUPT');
  assert.match(r.failures[2].error, /the file is empty \(0 bytes\)/);
  // Only finished PNGs in the output folder: no temporary or partial files for the failures.
  assert.deepEqual(readdirSync(out).sort(), ['a.png', 'd.png']);
  // What was written is the model's output for that image.
  for (const f of r.files) {
    const input = await decodeImage(f.input);
    const expected = await stylizeImage(input, { provider: 'cpu' });
    const written = await decodeImage(f.output);
    assert.deepEqual([written.width, written.height], [input.width, input.height]);
    assert.ok(Buffer.from(written.data).equals(Buffer.from(expected.image.data)), `${f.output} is the stylized ${f.input}`);
  }
});

test('an output folder that cannot be written stops the run before any inference, naming the folder', async () => {
  const dir = mixedFolder();
  const blocker = join(dir, 'a file');
  writeFileSync(blocker, 'x');
  await assert.rejects(stylizeFiles([join(dir, 'a.png')], join(blocker, 'out')), (e: unknown) => {
    assert.ok(e instanceof StylizeError && e.code === 'IMAGE_INVALID');
    assert.match(e.message, /a file[\\/]out: cannot write the output folder/);
    return true;
  });
});
