import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { COMMAND_LABELS, addBalloon, addKeyframe, setBookLook, setKeyframeStatus, setPageLook, setShotStatus, type CommandLabel } from '../../app/commands';
import { newBalloon } from '../../app/balloons';
import { oneShotProject } from '../../test-support/project-fixture';
import { commandText } from './command-label';
import { formatBytes, formatDuration, formatNumber, formatWhen } from './format';
import { LANGUAGES, pickLanguage } from './languages';

const load = (lng: string) => JSON.parse(readFileSync(join(__dirname, `${lng}.json`), 'utf8')) as Record<string, string>;
const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

test('i18n: every language has every key, sorted, with the same placeholders, and real translations', () => {
  const en = load('en');
  for (const lng of LANGUAGES) {
    const file = load(lng);
    const keys = Object.keys(file);
    assert.deepEqual(keys, [...keys].sort(), `${lng}.json is sorted by key (merges stay clean)`);
    assert.deepEqual(keys, Object.keys(en), `${lng}.json has the same keys as en.json`);
    for (const key of keys) {
      assert.ok(file[key].trim(), `${lng}: ${key} is empty`);
      // A plural form may leave out a count it reads from elsewhere; every other placeholder must be kept.
      assert.deepEqual(vars(file[key]).filter((v) => v !== 'count'), vars(en[key]).filter((v) => v !== 'count'), `${lng}: ${key} keeps its placeholders`);
    }
  }
  // Not English with another label: most Korean strings hold Hangul, most Japanese ones kana or kanji.
  const share = (lng: string, script: RegExp) => Object.values(load(lng)).filter((s) => script.test(s)).length / Object.keys(en).length;
  assert.ok(share('ko', /[\uac00-\ud7a3]/) > 0.9, 'Korean');
  assert.ok(share('ja', /[\u3040-\u30ff\u4e00-\u9fff]/) > 0.9, 'Japanese');
});

/** The renderer's source files (not tests). */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

test('i18n: every key the UI asks for is in en.json (plural forms and keys built from a prefix included)', () => {
  const en = load('en');
  const has = (key: string) => key in en || `${key}_other` in en;
  const missing: string[] = [];
  for (const file of sources(join(__dirname, '..'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bt\(\s*'([^'$]+)'/g)) if (!has(m[1])) missing.push(`${m[1]} (${file})`);
    for (const m of text.matchAll(/labelKey: '([^']+)'/g)) if (!has(m[1])) missing.push(`${m[1]} (${file})`);
    // t(`stage.${s}`) and the like: some key must start with the prefix.
    for (const m of text.matchAll(/\bt\(\s*`([\w.]+)\$\{/g)) if (!Object.keys(en).some((k) => k.startsWith(m[1]))) missing.push(`${m[1]}* (${file})`);
  }
  assert.deepEqual(missing, []);
  for (const id of ['video', 'keyframes', 'style', 'pages', 'export']) assert.ok(has(`step.${id}`) && has(`action.step.${id}`), id);
  for (const kind of ['keyframes', 'stylize', 'export']) assert.ok(has(`job.${kind}`), kind);
  for (const code of ['PROJECT_DAMAGED', 'PROJECT_TOO_NEW', 'PROJECT_MISSING', 'VIDEO_MISSING', 'VIDEO_MISMATCH']) assert.ok(has(`problem.${code}`), code);
});

test('i18n: every description an edit command can give is in every language, with the values it is given', () => {
  const listed = Object.keys(COMMAND_LABELS);
  for (const lng of LANGUAGES) {
    const file = load(lng);
    for (const [key, values] of Object.entries(COMMAND_LABELS) as [string, readonly string[]][]) {
      // With a count, i18next picks key_one or key_other (Korean and Japanese have only the other form).
      const forms = values.includes('count') ? [`${key}_one`, `${key}_other`] : [key];
      for (const form of forms) {
        assert.ok(file[form], `${lng}: ${form} (a command's description) is missing`);
        const used = vars(file[form]);
        for (const v of used) assert.ok(values.includes(v), `${lng}: ${form} uses {{${v}}}, which the command does not give`);
        for (const v of values) if (v !== 'count' || lng === 'en') assert.ok(used.includes(v), `${lng}: ${form} leaves out {{${v}}}`);
      }
    }
    // No description is left over from a command that no longer gives it.
    const stale = Object.keys(file).filter((k) => k.startsWith('command.') && !listed.includes(k.replace(/_(one|other)$/, '')));
    assert.deepEqual(stale, [], `${lng}: keys no command gives`);
  }
});

test('i18n: an edit command’s description in each language, plurals by count, names of kinds translated', async () => {
  const lang = async (lng: string) => {
    const i = i18next.createInstance();
    await i.init({ resources: { [lng]: { translation: load(lng) } }, lng, keySeparator: false, nsSeparator: false, interpolation: { escapeValue: false } });
    return (label: CommandLabel) => commandText(i.t.bind(i) as Parameters<typeof commandText>[0], label);
  };
  const project = oneShotProject([40, 150]);
  const reject = setKeyframeStatus(project, 'd-150', 'rejected').label;
  const one = setShotStatus(oneShotProject([40]), 0, 'rejected').label;
  const two = setShotStatus(project, 0, 'accepted').label;
  const manual = addKeyframe(project, { id: 'm-60', shot: 0, frame: 60, time: 2.4, origin: 'manual', status: 'accepted', file: 'manual-60.jpg' }).label;
  const sfx = addBalloon(project, 'd-40', newBalloon('b1', 'sfx')).label;
  const margins = setBookLook(project, { margin: 12 }).label;
  const paper = setPageLook(project, 0, { background: '#fff' }).label;
  const en = await lang('en');
  assert.deepEqual([reject, one, two, manual, sfx, margins, paper].map(en), [
    'Reject frame 150', 'Reject shot 1 (1 frame)', 'Accept shot 1 (2 frames)', 'Add frame 60', 'Add a sound effect', 'Book: margins', 'Page 1: paper colour',
  ]);
  const ko = await lang('ko');
  assert.deepEqual([reject, one, two, manual, sfx, margins, paper].map(ko), [
    '150번 프레임 빼기', '1번 샷 빼기 (프레임 1개)', '1번 샷 유지 (프레임 2개)', '60번 프레임 추가', '효과음 추가', '책 전체: 여백', '1쪽: 종이 색',
  ]);
  const ja = await lang('ja');
  assert.deepEqual([reject, two, sfx, margins].map(ja), ['フレーム 150 を外す', 'ショット 1 を採用（2 フレーム）', '効果音を追加', '本全体: 余白']);
});

test('i18n: the system language is followed when the UI has it, English otherwise', () => {
  assert.equal(pickLanguage(['ko-KR', 'en-US']), 'ko');
  assert.equal(pickLanguage([undefined, 'fr-FR', 'ja']), 'ja');
  assert.equal(pickLanguage(['en_GB']), 'en');
  assert.equal(pickLanguage(['de', 'fr']), 'en');
  assert.equal(pickLanguage([]), 'en');
});

test('i18n: numbers, lengths, sizes and dates are written for the locale', () => {
  assert.equal(formatNumber(1234.5, 'en', 1), '1,234.5');
  assert.equal(formatNumber(1234.5, 'ko', 1), '1,234.5');
  assert.match(formatDuration(75, 'en'), /^1 min,? 15 sec$/);
  assert.equal(formatDuration(75, 'ko').replace(/\s/g, ''), '1분15초');
  assert.equal(formatDuration(75, 'ja').replace(/\s/g, ''), '1分15秒');
  assert.match(formatDuration(3725, 'en'), /^1 hr,? 2 min,? 5 sec$/);
  assert.equal(formatBytes(12_400_000, 'en'), '12 MB');
  assert.equal(formatBytes(1_400_000_000, 'en'), '1.4 GB');
  const now = Date.parse('2026-03-01T12:00:00Z');
  assert.equal(formatWhen('2026-03-01T11:55:00Z', 'en', now), '5 minutes ago');
  assert.equal(formatWhen('2026-03-01T11:55:00Z', 'ko', now), '5분 전');
  assert.equal(formatWhen('2026-03-01T11:55:00Z', 'ja', now), '5 分前');
  assert.match(formatWhen('2026-01-02T09:30:00Z', 'ja', now), /2026\/01\/02|2026年1月2日/);
});
