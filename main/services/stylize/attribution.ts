import type { CatalogEntry } from '../../../app/stylize';

/** One model's credit, as its licence asks for it. */
export interface ModelCredit {
  id: string;
  name: string;
  /** Who made it, as the catalog says to credit them (authors, paper, who converted the weights). */
  attribution?: string;
  licence: string;
  licenceUrl?: string;
  commercialUse: boolean;
}

/**
 * What a set of models used for a picture, a folder or a comic asks of whoever publishes the result. Pure data
 * and strings, so every output can carry it: the CLI's ATTRIBUTION.txt and --json, the PDF export's metadata
 * (`summary` for a one-line field such as the Info dictionary's /Subject or XMP dc:rights, `lines` for a longer
 * one such as /Keywords or a custom key), an about box.
 */
export interface ModelAttribution {
  /** Models whose licence asks for attribution (the app's own built-in style does not), each once, in use order. */
  credits: ModelCredit[];
  /** Every model used that may not be used commercially (credited or not: an imported file of unknown licence). */
  nonCommercial: ModelCredit[];
  /** One line per credit: name, credit, licence and its address, and the non-commercial restriction. */
  lines: string[];
  /** One line for all: "Made with White-box Cartoonization (CC BY-NC-SA 4.0, non-commercial); ..." ('' when nothing to say). */
  summary: string;
}

type Used = CatalogEntry | { entry?: CatalogEntry } | undefined;

const entryOf = (m: Used): CatalogEntry | undefined => (m && 'licence' in m ? m : m?.entry);

function creditOf(e: CatalogEntry): ModelCredit {
  const { name, url, attribution, commercialUse } = e.licence;
  return { id: e.id, name: e.name, ...(attribution ? { attribution } : {}), licence: name, ...(url ? { licenceUrl: url } : {}), commercialUse };
}

/** The project's own style asks for nothing: its "attribution" is the app itself. */
const asksForAttribution = (e: CatalogEntry) => Boolean(e.licence.attribution) && e.kind !== 'builtin';

function creditLine(c: ModelCredit): string {
  const licence = `${c.licence}${c.licenceUrl ? ` <${c.licenceUrl}>` : ''}`;
  return `${c.name} (${c.id}): ${c.attribution}. Licence: ${licence}${c.commercialUse ? '' : '; not for commercial use'}.`;
}

/**
 * The credits and licence restrictions of the models used (catalog entries or resolved models; a model without a
 * catalog entry, such as a file with a spec beside it, has none to give). Models are taken once each, by id.
 */
export function modelAttribution(models: readonly Used[]): ModelAttribution {
  const seen = new Set<string>();
  const used: CatalogEntry[] = [];
  for (const m of models) {
    const e = entryOf(m);
    if (e && !seen.has(e.id)) (seen.add(e.id), used.push(e));
  }
  const credits = used.filter(asksForAttribution).map(creditOf);
  const nonCommercial = used.filter((e) => !e.licence.commercialUse).map(creditOf);
  const named = new Map([...credits, ...nonCommercial].map((c) => [c.id, c]));
  const summary = named.size
    ? `Made with ${[...named.values()].map((c) => `${c.name} (${c.licence.replace(/ \(.*$/, '')}${c.commercialUse ? '' : ', non-commercial'})`).join('; ')}`
    : '';
  return { credits, nonCommercial, lines: credits.map(creditLine), summary };
}

/** The text of an ATTRIBUTION.txt beside the pictures (empty when no model asks for attribution). */
export function attributionText(a: ModelAttribution): string {
  if (!a.credits.length) return '';
  const warning = a.nonCommercial.length
    ? ['', `Not for commercial use: ${a.nonCommercial.map((c) => c.name).join(', ')} ${a.nonCommercial.length > 1 ? 'are' : 'is'} licensed for non-commercial use only.`]
    : [];
  return [
    'These pictures were made with the following models; their licences ask that you credit them when you share the pictures.',
    '',
    ...a.lines.map((l) => `- ${l}`),
    ...warning,
    '',
  ].join('\n');
}
