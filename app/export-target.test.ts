import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ExportTargetRequest } from './desktop';
import { exportTarget } from './export-target';

test('export target: the desktop picker decides the file (outFile); cancelled, no export; the browser host uses the project folder', async () => {
  const asked: ExportTargetRequest[] = [];
  const picker = (answer: string | null) => async (request: ExportTargetRequest) => {
    asked.push(request);
    return answer;
  };
  assert.deepEqual(await exportTarget(picker('/home/me/Books/Trip.pdf'), 'pdf', '/data/projects/trip'), { outFile: '/home/me/Books/Trip.pdf' });
  assert.deepEqual(await exportTarget(picker('/home/me/Books/trip-pages'), 'png', '/data/projects/trip'), { outFile: '/home/me/Books/trip-pages' });
  assert.equal(await exportTarget(picker(null), 'cbz', '/data/projects/trip'), null, 'cancelled in the picker: no export');
  assert.deepEqual(asked, [
    { format: 'pdf', projectDir: '/data/projects/trip' },
    { format: 'png', projectDir: '/data/projects/trip' },
    { format: 'cbz', projectDir: '/data/projects/trip' },
  ]);
  // No picker (the browser host): no outFile, so the export goes into the project folder.
  assert.deepEqual(await exportTarget(undefined, 'pdf', '/data/projects/trip'), {});
});
