import type { ReadingOrder } from '../../../app/page';

/** ComicInfo.xml (the Anansi Project's schema, v2.0, read by ComicRack, Kavita, Komga, KOReader and others). */
export interface ComicInfoFields {
  title: string;
  author?: string;
  readingOrder: ReadingOrder;
  credits: string[];
  pages: Array<{ name: string; width: number; height: number; bytes: number }>;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function comicInfoXml(f: ComicInfoFields): string {
  const pages = f.pages
    .map((p, i) => `    <Page Image="${i}"${i === 0 ? ' Type="FrontCover"' : ''} ImageSize="${p.bytes}" ImageWidth="${p.width}" ImageHeight="${p.height}" />`)
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<ComicInfo xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <Title>${esc(f.title)}</Title>
${f.author ? `  <Writer>${esc(f.author)}</Writer>\n` : ''}  <PageCount>${f.pages.length}</PageCount>
  <Manga>${f.readingOrder === 'rtl' ? 'YesAndRightToLeft' : 'No'}</Manga>
${f.credits.length ? `  <Notes>${esc(f.credits.join('\n'))}</Notes>\n` : ''}  <Pages>
${pages}
  </Pages>
</ComicInfo>
`;
}
