/** The document's XMP metadata: what print workflows (and PDF/X checks) read instead of the Info dictionary. */
export interface XmpFields {
  title: string;
  author?: string;
  description: string;
  /** Credits and licences, one entry each (dc:rights). */
  rights: string[];
  creatorTool: string;
  date: Date;
}

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const langAlt = (text: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(text)}</rdf:li></rdf:Alt>`;

export function xmpPacket(f: XmpFields): string {
  const date = f.date.toISOString();
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
<dc:format>application/pdf</dc:format>
<dc:title>${langAlt(f.title)}</dc:title>
${f.author ? `<dc:creator><rdf:Seq><rdf:li>${escapeXml(f.author)}</rdf:li></rdf:Seq></dc:creator>` : ''}
<dc:description>${langAlt(f.description)}</dc:description>
${f.rights.length ? `<dc:rights>${langAlt(f.rights.join('\n'))}</dc:rights>` : ''}
<xmp:CreatorTool>${escapeXml(f.creatorTool)}</xmp:CreatorTool>
<xmp:CreateDate>${date}</xmp:CreateDate>
<xmp:ModifyDate>${date}</xmp:ModifyDate>
<pdf:Producer>${escapeXml(`${f.creatorTool} (pdf-lib)`)}</pdf:Producer>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}
