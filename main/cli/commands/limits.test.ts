// Absurd sizes are refused up front, naming the limit (the picture-pixel limit: image-io.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { captureIO } from '../../../test-support/cli-capture';
import { main } from '../../cli';

test('limits: absurd --size and --tile are refused before any work, naming the limit', async () => {
  let c = captureIO();
  assert.equal(await main(['stylize', 'a.png', '--out', 'x', '--size', '20000'], c.io), 2);
  assert.match(c.err(), /--size must be a number between 0 and 8192 \(got "20000"\)/);
  c = captureIO();
  assert.equal(await main(['stylize', 'a.png', '--out', 'x', '--tile', '100000'], c.io), 2);
  assert.match(c.err(), /--tile must be a number between 0 and 4096/);
});
