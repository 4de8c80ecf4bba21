// Our GLCM properties (TypeScript and native) against scikit-image's, from glcm-golden.json (make_glcm_golden.py).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadNativeKernels } from '../load-kernels';
import { typescriptKernels } from '../typescript-kernels';
import type { FeatureKernels } from '../types';

interface GoldenCase {
  name: string;
  width: number;
  height: number;
  levels: number;
  offsets: Array<[number, number]>;
  grey: number[];
  perOffset: Array<{ offset: [number, number]; properties: number[] }>;
  mean: number[];
}

const golden = JSON.parse(readFileSync(join(__dirname, 'glcm-golden.json'), 'utf8')) as { cases: GoldenCase[] };
const native = loadNativeKernels();

function check(kernels: FeatureKernels): void {
  assert.ok(golden.cases.length >= 9);
  for (const c of golden.cases) {
    const grey = Uint8Array.from(c.grey);
    const mean = kernels.glcmProperties(grey, c.width, c.height, c.levels, c.offsets);
    for (let k = 0; k < 4; k++) {
      assert.ok(Math.abs(mean[k] - c.mean[k]) <= 1e-6, `${c.name}: property ${k} ${mean[k]} vs scikit-image ${c.mean[k]}`);
    }
    for (const o of c.perOffset) {
      const one = kernels.glcmProperties(grey, c.width, c.height, c.levels, [o.offset]);
      for (let k = 0; k < 4; k++) {
        assert.ok(
          Math.abs(one[k] - o.properties[k]) <= 1e-6,
          `${c.name} offset ${o.offset}: property ${k} ${one[k]} vs scikit-image ${o.properties[k]}`,
        );
      }
    }
  }
}

test('TypeScript GLCM properties match scikit-image', () => check(typescriptKernels));

test('native GLCM properties match scikit-image', (t) => {
  if (!native.kernels) return t.skip(`native kernels unavailable: ${native.reason}`);
  check(native.kernels);
});
