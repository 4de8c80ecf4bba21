import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImageRoots } from './image-roots';

function folderWithImages() {
  const base = mkdtempSync(join(tmpdir(), 'ycis-roots-'));
  const dir = join(base, 'frames');
  mkdirSync(join(dir, 'thumbs'), { recursive: true });
  writeFileSync(join(dir, 'a.jpg'), 'jpeg');
  writeFileSync(join(dir, 'thumbs', 'b.png'), 'png');
  writeFileSync(join(dir, 'keyframes.json'), '{}');
  writeFileSync(join(base, 'secret.jpg'), 'outside');
  symlinkSync(join(base, 'secret.jpg'), join(dir, 'link.jpg'));
  return { base, dir };
}

test('images inside a registered folder resolve; the same folder keeps its id', async () => {
  const { dir } = folderWithImages();
  const roots = new ImageRoots();
  const root = roots.register(dir);
  assert.equal(roots.register(`${dir}/`), root);
  assert.equal(await roots.resolve({ root, file: 'a.jpg' }), join(dir, 'a.jpg'));
  assert.equal(await roots.resolve(roots.refFor(dir, join(dir, 'thumbs', 'b.png'))), join(dir, 'thumbs', 'b.png'));
  assert.deepEqual(roots.refFor(dir, 'thumbs/b.png'), { root, file: 'thumbs/b.png' });
});

test('anything that would leave the folder, or is not an image, is refused', async () => {
  const { dir, base } = folderWithImages();
  const roots = new ImageRoots();
  const root = roots.register(dir);
  const refused = async (file: string, code: string) =>
    assert.rejects(roots.resolve({ root, file }), (e: Error & { code?: string }) => e.code === code, file);
  await refused('../secret.jpg', 'IMAGE_FORBIDDEN');
  await refused('thumbs/../../secret.jpg', 'IMAGE_FORBIDDEN');
  await refused(join(base, 'secret.jpg'), 'IMAGE_FORBIDDEN'); // absolute: starts with an empty segment
  await refused('..\\secret.jpg', 'IMAGE_FORBIDDEN');
  await refused('link.jpg', 'IMAGE_FORBIDDEN'); // a symbolic link pointing out of the folder
  await refused('keyframes.json', 'IMAGE_FORBIDDEN');
  await refused('missing.jpg', 'IMAGE_NOT_FOUND');
  await assert.rejects(roots.resolve({ root: 'unknown', file: 'a.jpg' }), /unknown image folder/);
  assert.throws(() => roots.refFor(dir, join(base, 'secret.jpg')), /not inside/);
});
