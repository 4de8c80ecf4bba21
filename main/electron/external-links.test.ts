import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isAllowedExternalUrl } from './external-links';
import { appFileFor } from './app-files';

test('openExternal allow-list: https links to the sites the app names; every other URL or scheme refused', () => {
  assert.ok(isAllowedExternalUrl('https://creativecommons.org/licenses/by-nc-sa/4.0/'));
  assert.ok(isAllowedExternalUrl('https://github.com/SystemErrorWang/White-box-Cartoonization'));
  for (const url of ['http://github.com/x', 'https://evil.example/', 'https://github.com.evil.example/', 'file:///etc/passwd', 'smb://host/share', 'https://user:pw@github.com/', 'https://github.com:8443/', 'javascript:alert(1)', 'not a url']) {
    assert.equal(isAllowedExternalUrl(url), false, url);
  }
  // Every licence and source the catalog links to may be opened.
  const catalog = JSON.parse(readFileSync(join(__dirname, '..', '..', 'models', 'catalog.json'), 'utf8')) as { models: Array<{ licence?: { url?: string } }> };
  for (const m of catalog.models) if (m.licence?.url) assert.ok(isAllowedExternalUrl(m.licence.url), m.licence.url);
});

test('app:// page files: only files inside the built renderer, with their types; nothing else', () => {
  const dir = '/opt/app/renderer';
  assert.deepEqual(appFileFor(dir, 'app://bundle/index.html'), { path: join(dir, 'index.html'), type: 'text/html; charset=utf-8' });
  assert.deepEqual(appFileFor(dir, 'app://bundle/app.js?x=1'), { path: join(dir, 'app.js'), type: 'text/javascript; charset=utf-8' });
  assert.deepEqual(appFileFor(dir, 'app://bundle/fonts/a%20b.woff2'), { path: join(dir, 'fonts', 'a b.woff2'), type: 'font/woff2' });
  // A plain ../ is taken out by URL parsing itself: what is left is inside the folder.
  assert.equal(appFileFor(dir, 'app://bundle/../secret.js')?.path, join(dir, 'secret.js'));
  for (const url of ['app://bundle/%2e%2e%2fsecret.js', 'app://bundle/..%2Fx.js', 'app://other/index.html', 'app://bundle/keys.pem', 'app://bundle/a%5C..%5Cb.js', 'app://bundle/%E0%A4%A.js']) {
    assert.equal(appFileFor(dir, url), undefined, url);
  }
});
