import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { InferenceSession } from 'onnxruntime-node';

/** 'tuned' is what the app uses; 'default' leaves every option to onnxruntime (the benchmark compares them). */
export type SessionOptionsPreset = 'tuned' | 'default';

let cores: number | undefined;

/**
 * Physical cores: hyper-threads share one core's FPUs, so convolution threads beyond the physical count only add
 * contention. Linux reads /proc/cpuinfo, macOS asks sysctl, elsewhere the logical count is the best guess.
 */
export function physicalCores(): number {
  if (cores) return cores;
  const logical = availableParallelism();
  let found: number | undefined;
  try {
    if (process.platform === 'linux') {
      const pairs = new Set<string>();
      let phys = '0';
      for (const line of readFileSync('/proc/cpuinfo', 'utf8').split('\n')) {
        const [k, v] = line.split(':').map((s) => s?.trim());
        if (k === 'physical id') phys = v;
        if (k === 'core id') pairs.add(`${phys}/${v}`);
      }
      found = pairs.size || undefined;
    } else if (process.platform === 'darwin') {
      found = Number(execFileSync('sysctl', ['-n', 'hw.physicalcpu'], { encoding: 'utf8' }).trim()) || undefined;
    }
  } catch {
    found = undefined;
  }
  // A container may be limited to fewer CPUs than the machine has cores.
  cores = Math.max(1, Math.min(found ?? logical, logical));
  return cores;
}

export function sessionOptions(preset: SessionOptionsPreset): InferenceSession.SessionOptions {
  if (preset === 'default') return {};
  return {
    intraOpNumThreads: physicalCores(),
    // The generators are single chains of convolutions: nothing for a parallel executor to overlap.
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
    enableCpuMemArena: true,
    // Tiles share one size, so the planned memory pattern is reused from the second run on.
    enableMemPattern: true,
    // onnxruntime's pool threads busy-wait after each op and after run() returns. The worker's own JavaScript
    // (tile conversion and blending), the main process and a key-frame analysis running beside it then fight
    // spinning threads for the same few cores. bench:stylize on an idle 2-core machine: up to a quarter less CPU per
    // frame (built-in style at 1080p, the segmenter) for 2-10% more latency; on a busy machine it was the faster one.
    extra: { session: { intra_op: { allow_spinning: '0' }, inter_op: { allow_spinning: '0' } } },
  };
}
