// npm run bench:export — a 24-page comic of 6 panels a page (144 key-frame pictures of 1920×1080, two lettered
// balloons each: Latin, Korean, Japanese, one vertical) exported as a PDF at 150, 300 and 600 dpi, and as a CBZ at
// 150 and 300 dpi. Each run is a fresh process so its peak memory (RSS, sampled every 20 ms) is its own; CPU time
// (user + system, every libvips thread) is printed beside the wall time, as the fairer number on a busy machine.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newBalloon, type Balloon } from '../app/balloons';
import { CENTERED_CROP, PAGE_SIZES, type ComicPage } from '../app/page';
import { writeComicPdf, writeCbz } from '../main/services/export';
import { locateFfmpeg } from '../main/services/video';
import { FIXTURE_DIR } from '../test-support/fixtures';
import { formatTable } from './table';

const PAGES = 24;
const PER_PAGE = 6;
const WORDS = [
  'Where did the deer go? I saw it by the rock.',
  '사슴은 어디 갔지? 바위 옆에서 봤어.',
  'あそこにいるよ。岩のそばで見たんだ。',
  'Meanwhile, far away...',
];

/** 144 distinct pictures, made once by one ffmpeg run (cached in the fixtures folder). */
function pictures(count: number): string[] {
  const dir = join(FIXTURE_DIR, `bench-export-${count}-1920x1080`);
  const names = Array.from({ length: count }, (_, i) => join(dir, `p${String(i + 1).padStart(3, '0')}.png`));
  if (names.every((n) => existsSync(n))) return names;
  mkdirSync(dir, { recursive: true });
  const r = spawnSync(locateFfmpeg().path, [
    '-v', 'error', '-y', '-f', 'lavfi', '-i', 'mandelbrot=size=1920x1080:rate=4,hue=H=t*2', '-frames:v', String(count), join(dir, 'p%03d.png'),
  ]);
  if (r.status !== 0) throw new Error(`ffmpeg: ${r.stderr}`);
  return names;
}

function book(): ComicPage[] {
  const size = PAGE_SIZES.a4;
  const w = (size.width - 24 - 4) / 2;
  const h = (size.height - 24 - 8) / 3;
  return Array.from({ length: PAGES }, (_, p) => ({
    size,
    panels: Array.from({ length: PER_PAGE }, (_, s) => {
      const i = p * PER_PAGE + s;
      const balloons: Balloon[] = [
        { ...newBalloon(`a${i}`, 'speech', WORDS[i % 3]), x: 0.3, y: 0.25, width: 0.45 },
        i % 2
          ? { ...newBalloon(`b${i}`, 'speech', WORDS[2]), vertical: true, x: 0.8, y: 0.55, width: 0.18, height: 0.7 }
          : { ...newBalloon(`b${i}`, 'caption', WORDS[3]), x: 0.7, y: 0.85 },
      ];
      return { rect: { x: 12 + (s % 2) * (w + 4), y: 12 + Math.floor(s / 2) * (h + 4), width: w, height: h }, picture: i, crop: { ...CENTERED_CROP }, balloons };
    }),
  }));
}

async function one(format: 'pdf' | 'cbz', dpi: number): Promise<void> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const pics = pictures(PAGES * PER_PAGE);
  const dir = mkdtempSync(join(tmpdir(), 'ycis-bench-export-'));
  const attribution = { lines: ['Style: built-in toon (MIT)'], summary: '', credits: [] } as never;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const r =
    format === 'pdf'
      ? await writeComicPdf(join(dir, 'book.pdf'), { pages: book(), pictures: pics, title: 'Bench', attribution, creator: 'bench', images: { dpi } })
      : await writeCbz(join(dir, 'book.cbz'), { pages: book(), pictures: pics, title: 'Bench', attribution, readingOrder: 'ltr', images: { dpi } });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(c0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  clearInterval(timer);
  const bytes = statSync(r.file).size;
  rmSync(dir, { recursive: true, force: true });
  process.stdout.write(`${JSON.stringify({ format, dpi, seconds, cpuSeconds, peakMb: peak / 2 ** 20, bytes, pages: r.pages, panels: r.panels })}\n`);
}

function main(): void {
  const [, , mode, format, dpi] = process.argv;
  if (mode === '--one') {
    one(format as 'pdf' | 'cbz', Number(dpi)).catch((e) => {
      console.error(e);
      process.exit(1);
    });
    return;
  }
  pictures(PAGES * PER_PAGE);
  const runs: Array<['pdf' | 'cbz', number]> = [['pdf', 150], ['pdf', 300], ['pdf', 600], ['cbz', 150], ['cbz', 300]];
  const rows: string[][] = [];
  for (const [format, dpi] of runs) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', __filename, '--one', format, String(dpi)], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${format} ${dpi}: ${r.stderr}`);
    const m = JSON.parse(r.stdout.trim().split('\n').pop()!);
    rows.push([format.toUpperCase(), String(dpi), `${m.pages}`, `${m.panels}`, m.seconds.toFixed(2), m.cpuSeconds.toFixed(2), m.peakMb.toFixed(0), (m.bytes / 1e6).toFixed(1)]);
    console.error(`${format} ${dpi} dpi: ${m.seconds.toFixed(2)} s`);
  }
  console.log(`Export of a ${PAGES}-page comic, ${PER_PAGE} panels a page (1920×1080 pictures, 2 lettered balloons each):\n`);
  console.log(formatTable(['format', 'dpi', 'pages', 'panels', 'time (s)', 'CPU (s, all threads)', 'peak RSS (MB)', 'size (MB)'], rows));
}

main();
