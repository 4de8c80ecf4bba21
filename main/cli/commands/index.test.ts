import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commands } from './index';

test('the lazily loaded commands say what their modules say, and load only when used', () => {
  const loaded = () => Object.keys(require.cache).filter((k) => /[\\/]cli[\\/]commands[\\/](comic|serve)\.ts$/.test(k));
  assert.ok(commands.map((c) => c.summary).every(Boolean));
  assert.deepEqual(loaded(), [], 'listing the commands loads none of them');
  // Each command's module file and export (a command is named after its file, but for `export`: a reserved word).
  const modules: Record<string, [string, string]> = {
    comic: ['comic', 'comicCommand'],
    export: ['export-book', 'exportCommand'],
    keyframes: ['keyframes', 'keyframesCommand'],
    stylize: ['stylize', 'stylizeCommand'],
    models: ['models', 'modelsCommand'],
    sample: ['sample', 'sampleCommand'],
    serve: ['serve', 'serveCommand'],
  };
  assert.deepEqual(commands.map((c) => c.name).sort(), Object.keys(modules).sort(), 'every command is checked');
  for (const c of commands) {
    const [file, name] = modules[c.name];
    const real = (require(`./${file}`) as Record<string, { name: string; summary: string; usage: string }>)[name];
    assert.deepEqual([c.name, c.summary, c.usage], [real.name, real.summary, real.usage], c.name);
  }
});
