import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CatalogEntry } from '../../../app/stylize';
import { attributionText, modelAttribution } from './attribution';
import { getModel } from './catalog';

test('White-box: credited to Xinrui Wang / Wang & Yu CVPR 2020, CC BY-NC-SA 4.0, flagged non-commercial', () => {
  const a = modelAttribution([getModel('whitebox-cartoon')]);
  assert.equal(a.credits.length, 1);
  assert.deepEqual(a.nonCommercial.map((c) => c.id), ['whitebox-cartoon']);
  const [line] = a.lines;
  assert.match(line, /^White-box Cartoonization \(whitebox-cartoon\): Xinrui Wang and Jinze Yu, "Learning to Cartoonize Using White-box Cartoon Representations", CVPR 2020/);
  assert.match(line, /Licence: CC BY-NC-SA 4\.0 <https:\/\/creativecommons\.org\/licenses\/by-nc-sa\/4\.0\/>; not for commercial use\.$/);
  assert.equal(a.summary, 'Made with White-box Cartoonization (CC BY-NC-SA 4.0, non-commercial)');
  const text = attributionText(a);
  assert.ok(text.includes(`- ${line}\n`));
  assert.match(text, /Not for commercial use: White-box Cartoonization is licensed for non-commercial use only\.\n$/);
});

test('the built-in style asks for nothing; a model given several ways is credited once; resolved models work too', () => {
  assert.deepEqual(modelAttribution([getModel('builtin-toon')]), { credits: [], nonCommercial: [], lines: [], summary: '' });
  assert.equal(attributionText(modelAttribution([getModel('builtin-toon')])), '');
  const segmenter = getModel('deeplabv3-person');
  const whitebox = getModel('whitebox-cartoon');
  const a = modelAttribution([
    { entry: segmenter },
    whitebox,
    { entry: whitebox },
    getModel('builtin-toon'),
    undefined, // a file with a spec beside it: nothing known to credit
    { entry: undefined },
  ]);
  assert.deepEqual(a.credits.map((c) => c.id), ['deeplabv3-person', 'whitebox-cartoon'], 'in use order, each once');
  assert.deepEqual(a.nonCommercial.map((c) => c.id), ['whitebox-cartoon'], 'the Apache-2.0 segmenter allows commercial use');
  assert.match(a.lines[0], /^DeepLabV3 .*\(deeplabv3-person\): Google, DeepLabV3 MobileNetV2 .*Licence: Apache-2\.0 \(believed.*<https:\/\/www\.apache\.org\/licenses\/LICENSE-2\.0>\.$/);
  assert.equal(a.summary, 'Made with ' + `${segmenter.name} (Apache-2.0); White-box Cartoonization (CC BY-NC-SA 4.0, non-commercial)`);
});

test('an imported file of unknown licence is not credited but is flagged non-commercial', () => {
  const imported: CatalogEntry = {
    ...getModel('cartoongan-hayao'),
    id: 'my-style',
    name: 'my-style',
    licence: { name: 'unknown (a file you imported: check its licence yourself)', commercialUse: false },
  };
  const a = modelAttribution([imported, getModel('instagan-shp2gir')]);
  assert.deepEqual(a.credits.map((c) => c.id), ['instagan-shp2gir']);
  assert.deepEqual(a.nonCommercial.map((c) => c.id), ['my-style', 'instagan-shp2gir']);
  assert.match(attributionText(a), /Not for commercial use: my-style, InstaGAN .* are licensed for non-commercial use only/);
  assert.match(a.lines[0], /Sangwoo Mo, Minsu Cho, Jinwoo Shin, "InstaGAN: Instance-aware Image-to-Image Translation", ICLR 2019/);
});
