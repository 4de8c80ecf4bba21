import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineSplitter, ShowinfoReader } from './showinfo';

// Lines as the 2018 build (4.1) and ffmpeg 6 print them.
const OLD = [
  '[Parsed_showinfo_2 @ 0x134a71c0] config in time_base: 1/10240, frame_rate: 10/1',
  '[Parsed_showinfo_2 @ 0x134a71c0] config out time_base: 0/0, frame_rate: 0/0',
  '[Parsed_showinfo_2 @ 0x134a71c0] n:   0 pts:      0 pts_time:0       pos:       48 fmt:rgb24 sar:1/1 s:90x160 i:P iskey:1 type:I checksum:317DF400 plane_checksum:[317DF400] mean:[126 ] stdev:[123.4 ]',
  '[Parsed_showinfo_2 @ 0x134a71c0] color_range:tv color_space:unknown color_primaries:unknown color_trc:unknown',
  '[Parsed_showinfo_2 @ 0x134a71c0] n:   1 pts:   1024 pts_time:0.1     pos:     4287 fmt:rgb24 sar:1/1 s:90x160 i:P iskey:0 type:B checksum:3CF41829',
];
const NEW = [
  '[Parsed_showinfo_3 @ 0x55d000] config in time_base: 1/90000, frame_rate: 30/1',
  '[Parsed_showinfo_3 @ 0x55d000] n:   0 pts:153041234567890 pts_time:1.70046e+09 duration:   3000 fmt:yuv420p cl:left sar:1/1 s:1920x1080 i:P iskey:1 type:I',
  '[Parsed_showinfo_3 @ 0x55d000] n:   1 pts:153041234570890 pts_time:1.70046e+09 duration:   3000 fmt:yuv420p cl:left sar:1/1 s:1920x1080 i:P iskey:0 type:P',
];

test('reads frame number, time, size and key-frame flag from showinfo lines of old and new ffmpeg', () => {
  const r = new ShowinfoReader();
  const frames = OLD.map((l) => r.read(l)).filter((f) => f !== undefined);
  assert.deepEqual(frames, [
    { filter: 'Parsed_showinfo_2', n: 0, time: 0, width: 90, height: 160, key: true },
    { filter: 'Parsed_showinfo_2', n: 1, time: 0.1, width: 90, height: 160, key: false },
  ]);
  const r6 = new ShowinfoReader();
  assert.deepEqual(NEW.map((l) => r6.read(l)?.key).filter((k) => k !== undefined), [true, false]);
});

test('times come from the integer pts and the time base, not the 6-digit pts_time', () => {
  const r = new ShowinfoReader();
  const [a, b] = NEW.map((l) => r.read(l)).filter((f) => f !== undefined);
  assert.equal(a?.time, 153041234567890 / 90000);
  assert.ok(Math.abs((b?.time ?? 0) - (a?.time ?? 0) - 1 / 30) < 1e-6); // pts_time would say 0
});

test('falls back to pts_time without a time base line, and to undefined for NOPTS', () => {
  const r = new ShowinfoReader();
  assert.equal(r.read('[Parsed_showinfo_0 @ 0x1] n:  4 pts:   2542 pts_time:2.542   duration: 41')?.time, 2.542);
  const none = r.read('[Parsed_showinfo_0 @ 0x1] n:  5 pts:NOPTS pts_time:NOPTS pos: 1 fmt:rgb24 s:8x8 i:P');
  assert.equal(none?.n, 5);
  assert.equal(none?.time, undefined);
  assert.equal(r.read('[mov,mp4 @ 0x1] stream 0, offset 0x2b5c: partial file'), undefined);
});

test('splits a stream of text into lines across chunk boundaries and \\r progress lines', () => {
  const s = new LineSplitter();
  assert.deepEqual(s.push('ab'), []);
  assert.deepEqual(s.push('c\nde'), ['abc']);
  assert.deepEqual(s.push('f\rframe=1\r\ng'), ['def', 'frame=1']);
  assert.deepEqual(s.end(), ['g']);
});
