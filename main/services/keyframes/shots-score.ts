/**
 * Scores detected shot starts against known transitions, by the rule of ../shared/tools/shot_score.py (test
 * support): a start matches a hard cut c when |p − c| ≤ tolerance, a gradual transition [a, b] when
 * a − tolerance ≤ p ≤ b + tolerance; each truth item and each start is matched at most once (maximum matching,
 * nearest first). Unmatched starts are false positives; those inside a trap (± tolerance) are also listed there.
 */
export interface ShotTruth {
  cuts: number[];
  gradual: Array<[number, number]>;
  traps?: Array<[number, number, string?]>;
  tolerance?: number;
}

export interface ShotScore {
  tp: number;
  fp: number;
  fn: number;
  f1: number;
  falsePositives: number[];
  fpInTraps: number[];
  missed: Array<number | [number, number]>;
}

export function scoreShots(starts: number[], truth: ShotTruth): ShotScore {
  const tol = truth.tolerance ?? 2;
  const pred = [...new Set(starts.filter((p) => p > 0))].sort((a, b) => a - b);
  const items: Array<[number, number]> = [...truth.cuts.map((c): [number, number] => [c, c]), ...truth.gradual];
  const dist = (p: number, [a, b]: [number, number]) => (p < a ? a - p : p > b ? p - b : 0);
  const cand = pred.map((p) =>
    items.map((_, j) => j).filter((j) => dist(p, items[j]) <= tol).sort((x, y) => dist(p, items[x]) - dist(p, items[y])),
  );
  const owner = new Map<number, number>();
  const augment = (i: number, seen: Set<number>): boolean => {
    for (const j of cand[i]) {
      if (seen.has(j)) continue;
      seen.add(j);
      const o = owner.get(j);
      if (o === undefined || augment(o, seen)) {
        owner.set(j, i);
        return true;
      }
    }
    return false;
  };
  const order = pred.map((_, i) => i);
  const nearest = (i: number) => Math.min(99, ...cand[i].map((j) => dist(pred[i], items[j])));
  order.sort((x, y) => nearest(x) - nearest(y));
  for (const i of order) augment(i, new Set());
  const matched = new Set(owner.values());
  const falsePositives = pred.filter((_, i) => !matched.has(i));
  const fpInTraps = falsePositives.filter((p) => (truth.traps ?? []).some(([a, b]) => p >= a - tol && p <= b + tol));
  const tp = owner.size;
  const fp = falsePositives.length;
  const fn = items.length - tp;
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  const missed = items
    .map((it, j): [number, [number, number]] => [j, it])
    .filter(([j]) => !owner.has(j))
    .map(([, [a, b]]) => (a === b ? a : ([a, b] as [number, number])));
  return { tp, fp, fn, f1, falsePositives, fpInTraps, missed };
}
