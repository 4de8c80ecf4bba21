import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SHARED_DIR } from '../../../test-support/fixtures';
import { scoreShots, type ShotTruth } from './shots-score';

const clip: ShotTruth & { file: string } = {
  file: 'x.mp4',
  cuts: [30, 100],
  gradual: [[180, 240], [300, 320]],
  traps: [[400, 450, 'pan']],
  tolerance: 2,
};

test('scoreShots: matching rule (tolerance, gradual spans, one match per item, traps)', () => {
  const s = scoreShots([0, 28, 31, 102, 200, 230, 319, 410], clip);
  // 28 and 31 both near 30: one matches, the other is a false positive; 200 and 230 inside one span: one matches.
  assert.equal(s.tp, 4);
  assert.equal(s.fp, 3);
  assert.equal(s.fn, 0);
  assert.deepEqual(s.fpInTraps, [410]);
  assert.deepEqual(scoreShots([], clip).missed, [30, 100, [180, 240], [300, 320]]);
  assert.equal(scoreShots([30, 100, 200, 310], clip).f1, 1);
});

test('scoreShots agrees with ../shared/tools/shot_score.py', (t) => {
  const tool = join(SHARED_DIR, 'tools', 'shot_score.py');
  if (!existsSync(tool)) return t.skip(`${tool} is not in this checkout`);
  const truth = join(mkdtempSync(join(tmpdir(), 'shot-score-')), 'truth.json');
  writeFileSync(truth, JSON.stringify({ clips: [clip] }));
  for (const pred of [[0, 28, 31, 102, 200, 230, 319, 410], [178, 243, 298], [32, 98, 99, 101, 322, 448, 453]]) {
    const r = spawnSync('python3', [tool, '--hard', JSON.stringify(pred), truth, clip.file], { encoding: 'utf8' });
    if (r.error) return t.skip(`python3 is not available: ${r.error.message}`);
    assert.equal(r.status, 0, r.stderr);
    const py = JSON.parse(r.stdout.trim().split('\n')[0]) as { tp: number; fp: number; fn: number; fpInTraps: number };
    const ts = scoreShots(pred, clip);
    assert.deepEqual([ts.tp, ts.fp, ts.fn, ts.fpInTraps.length], [py.tp, py.fp, py.fn, py.fpInTraps], JSON.stringify(pred));
  }
});
