import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cueFrames, parseSubtitles, SubtitleError } from './subtitles';

test('SRT: times, multi-line cues, styling tags removed, BOM and CRLF', () => {
  const srt = '\uFEFF1\r\n00:00:01,000 --> 00:00:02,500\r\n<i>안녕하세요</i>\r\n<font color="#ff0">여러분!</font>\r\n\r\n2\r\n00:01:02,05 --> 01:00:00,000\r\n{\\an8}Second &amp; last\r\n';
  assert.deepEqual(parseSubtitles(srt), [
    { start: 1, end: 2.5, text: '안녕하세요\n여러분!' },
    { start: 62.05, end: 3600, text: 'Second & last' },
  ]);
});

test('WebVTT: header, NOTE and STYLE blocks, cue ids, short times, voice and class tags, karaoke stamps', () => {
  const vtt = [
    'WEBVTT - a film',
    '',
    'NOTE made by hand',
    '',
    'STYLE',
    '::cue { color: yellow }',
    '',
    'intro',
    '00:01.000 --> 00:03.000 align:start position:10%',
    '<v Mika>こんにちは、<c.yellow>世界</c></v>',
    '',
    '00:00:04.000 --> 00:00:05.000',
    'one <00:00:04.500>two',
    'three',
    '',
  ].join('\n');
  assert.deepEqual(parseSubtitles(vtt), [
    { start: 1, end: 3, text: 'こんにちは、世界' },
    { start: 4, end: 5, text: 'one two\nthree' },
  ]);
});

test('bad subtitle files are refused with the line number of the fault', () => {
  const fault = (text: string) => {
    try {
      parseSubtitles(text);
    } catch (e) {
      assert.ok(e instanceof SubtitleError);
      return e.message;
    }
    assert.fail('accepted');
  };
  assert.equal(fault('1\n00:00:01,000 --> 00:00:02,000\nok\n\n2\n00:00:03,000 -> 00:00:04,000\nbad\n'), 'line 6: expected "start --> end", found "00:00:03,000 -> 00:00:04,000"');
  assert.equal(fault('1\n00:00:01,000 --> 00:00:02,000\nok\n\n2\n00:00:03,000 --> 00:00:0x,000\n'), 'line 6: "00:00:0x,000" is not a time (HH:MM:SS,mmm)');
  assert.equal(fault('1\n00:00:05,000 --> 00:00:02,000\nbackwards\n'), 'line 2: the cue ends (00:00:02,000) before it starts (00:00:05,000)');
  assert.match(fault('WEBVTT\n\n00:01.000 --> 00:02.000\nok\n\nnot a cue\nat all\n'), /^line 7: expected "start --> end"/);
  assert.match(fault(''), /no subtitle/);
  assert.match(fault('hello world\n'), /^line 1: expected a cue number/);
});

test('each cue goes to the kept key frame of the shot on screen, the nearest in time', () => {
  const shots = [
    { index: 0, startTime: 0, endTime: 4 },
    { index: 1, startTime: 4, endTime: 10 },
  ];
  const keyframes = [
    { id: 'a', shot: 0, time: 1 },
    { id: 'b', shot: 1, time: 5 },
    { id: 'c', shot: 1, time: 9 },
  ];
  const cues = [
    { start: 3, end: 4.4, text: 'in shot 0 at 3.7' },
    { start: 5, end: 6, text: 'near b' },
    { start: 8, end: 9.5, text: 'near c' },
    { start: 20, end: 21, text: 'after the end' },
  ];
  const got = cueFrames(cues, keyframes, shots);
  assert.deepEqual(Object.fromEntries([...got].map(([k, v]) => [k, v.map((c) => c.text)])), { a: ['in shot 0 at 3.7'], b: ['near b'], c: ['near c', 'after the end'] });
});
