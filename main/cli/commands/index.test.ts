import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commands } from './index';

test('the lazily loaded commands say what their modules say, and load only when used', () => {
  const loaded = () => Object.keys(require.cache).filter((k) => /[\\/]cli[\\/]commands[\\/](comic|serve)\.ts$/.test(k));
  assert.ok(commands.map((c) => c.summary).every(Boolean));
  assert.deepEqual(loaded(), [], 'listing the commands loads none of them');
  const modules: Record<string, string> = { comic: 'comicCommand', keyframes: 'keyframesCommand', stylize: 'stylizeCommand', models: 'modelsCommand', sample: 'sampleCommand', serve: 'serveCommand' };
  for (const c of commands) {
    const real = (require(`./${c.name}`) as Record<string, { name: string; summary: string; usage: string }>)[modules[c.name]];
    assert.deepEqual([c.name, c.summary, c.usage], [real.name, real.summary, real.usage], c.name);
  }
});
