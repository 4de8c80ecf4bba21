import { mkdtempSync } from 'node:fs';
import { runKeyframesJob } from './main/services/keyframes/keyframes-job';
import { analyzeVideo } from './main/services/keyframes';
import { DEFAULT_ANALYSIS_PARAMS } from './app/keyframes';
(async () => {
  const t = performance.now();
  const c0 = process.cpuUsage();
  if (process.argv[3] === 'job') await runKeyframesJob(process.argv[2], { params: DEFAULT_ANALYSIS_PARAMS, outDir: mkdtempSync('/tmp/kj-') });
  else await analyzeVideo(process.argv[2], DEFAULT_ANALYSIS_PARAMS);
  const c = process.cpuUsage(c0);
  console.error(process.argv[3], 'wall', ((performance.now() - t) / 1000).toFixed(2), 'node cpu', ((c.user + c.system) / 1e6).toFixed(2));
})();
