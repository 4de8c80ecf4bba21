import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FINE_THUMB_HEIGHT, FINE_THUMB_WIDTH, THUMB_HEIGHT, THUMB_WIDTH } from './features';
import { lumaThumbnail } from './features/thumbnail';
import { cameraShift, newContentShare, unmatchedShareOf, type BlockPictures } from './shots-blocks';

// Frames at the analysis size (256 × 144 luma) made into both thumbnails the way the kernel makes them.
const W = 256;
const H = 144;

function pictures(luma: (x: number, y: number) => number): BlockPictures {
  const img = new Uint8Array(W * H);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) img[y * W + x] = Math.round(Math.min(255, Math.max(0, luma(x, y))));
  const thumb = new Uint8Array(THUMB_WIDTH * THUMB_HEIGHT);
  const fineThumb = new Uint8Array(FINE_THUMB_WIDTH * FINE_THUMB_HEIGHT);
  lumaThumbnail(img, W, H, thumb);
  lumaThumbnail(img, W, H, fineThumb, FINE_THUMB_WIDTH, FINE_THUMB_HEIGHT);
  return { thumb, fineThumb };
}

function random(seed: number): () => number {
  return () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) / 65536;
}

/**
 * Detail a coarse cell cannot see: a value per fine cell (4 × 4 pixels), ±amplitude, each 2 × 2 group of fine cells
 * (one coarse cell) summing to zero.
 */
function hiddenDetail(seed: number, amplitude: number): (x: number, y: number) => number {
  const next = random(seed);
  const cells = new Float64Array(FINE_THUMB_WIDTH * FINE_THUMB_HEIGHT);
  for (let cy = 0; cy < FINE_THUMB_HEIGHT; cy += 2) {
    for (let cx = 0; cx < FINE_THUMB_WIDTH; cx += 2) {
      const u = (next() - 0.5) * 2 * amplitude;
      const v = (next() - 0.5) * 2 * amplitude;
      cells[cy * FINE_THUMB_WIDTH + cx] = u;
      cells[cy * FINE_THUMB_WIDTH + cx + 1] = -u;
      cells[(cy + 1) * FINE_THUMB_WIDTH + cx] = v;
      cells[(cy + 1) * FINE_THUMB_WIDTH + cx + 1] = -v;
    }
  }
  return (x, y) => cells[Math.floor(y / 4) * FINE_THUMB_WIDTH + Math.floor(x / 4)];
}

/** A texture with a value per 8 × 8 pixels and gentle shading: what a coarse block can find again. */
function texture(seed: number): (x: number, y: number) => number {
  const next = random(seed);
  const cells = Float64Array.from({ length: 64 * 36 }, () => next());
  return (x, y) => {
    const cx = ((Math.floor(x / 8) % 64) + 64) % 64;
    const cy = ((Math.floor(y / 8) % 36) + 36) % 36;
    return 40 + 170 * cells[cy * 64 + cx];
  };
}

const gradient = (x: number, y: number) => 60 + (120 * x) / W + (40 * y) / H;

test('block comparison: detail the coarse thumbnail cannot see tells two pictures of the same shading apart', () => {
  const a = pictures((x, y) => gradient(x, y) + hiddenDetail(1, 40)(x, y));
  const b = pictures((x, y) => gradient(x, y) + hiddenDetail(2, 40)(x, y));
  // The coarse thumbnails are the same shading: alone, the coarse comparison calls them one picture.
  assert.ok(newContentShare(a.thumb, b.thumb) < 0.1, `coarse alone: ${newContentShare(a.thumb, b.thumb)}`);
  assert.ok(newContentShare(a, b) > 0.8, `coarse then fine: ${newContentShare(a, b)}`);
  // The same picture moved one coarse cell and darkened is found again at both scales.
  const moved = pictures((x, y) => 0.7 * (gradient(x - 8, y) + hiddenDetail(1, 40)(x - 8, y)) + 10);
  assert.ok(newContentShare(a, moved) < 0.2, `moved and darker: ${newContentShare(a, moved)}`);
  assert.equal(newContentShare(a, a), 0);
});

test('block comparison: a picture the camera carried beyond the block search is found where the motion took it', () => {
  const t = texture(5);
  const fresh = texture(77);
  const a = pictures(t);
  // Panned 48 pixels (6 coarse cells, 3 times the blocks' search range) and brighter; new picture enters at the left.
  const b = pictures((x, y) => 1.2 * (x < 48 ? fresh(x, y) : t(x - 48, y)) + 5);
  assert.deepEqual({ ...cameraShift(a.thumb!, b.thumb!), ncc: undefined }, { dx: 6, dy: 0, ncc: undefined });
  assert.ok(cameraShift(a.thumb, b.thumb).ncc > 0.7);
  assert.ok(unmatchedShareOf(a, b) > 0.6, `near where they were: ${unmatchedShareOf(a, b)}`);
  assert.ok(newContentShare(a, b) < 0.3, `where the camera took them: ${newContentShare(a, b)}`);
  // Another picture has no such motion: it stays new.
  const other = pictures(texture(9));
  assert.ok(cameraShift(a.thumb, other.thumb).ncc < 0.5);
  assert.ok(newContentShare(a, other) > 0.8, `another picture: ${newContentShare(a, other)}`);
});
