/** An unembedded font named by a predefined CMap: its name, its CMap, its Adobe character collection. */
export interface PredefinedFont {
  name: string;
  encoding: string;
  ordering: string;
}

/** Simplified Chinese, as older mainland tools write it. */
export const STSONG_GB: PredefinedFont = {
  name: 'STSong-Light',
  encoding: 'UniGB-UCS2-H',
  ordering: 'GB1',
};

/** Traditional Chinese (Taiwan and Hong Kong tools): a CMap the extension does not package. */
export const MSUNG_CNS: PredefinedFont = {
  name: 'MSung-Light',
  encoding: 'UniCNS-UCS2-H',
  ordering: 'CNS1',
};

/**
 * A one-page PDF written by hand, for what the fixture printers never make:
 * text in a font the PDF does not embed, named by one of Adobe's predefined
 * CMaps (UniGB-UCS2-H with STSong-Light, as older Chinese PDF tools wrote
 * it), which a reader can decode only with the CMap files.
 */
export function predefinedCmapPdf(lines: string[], font: PredefinedFont = STSONG_GB): Uint8Array {
  const hex = (s: string) =>
    Array.from(s)
      .map((ch) => (ch.codePointAt(0) ?? 0).toString(16).padStart(4, '0'))
      .join('');
  const content = lines
    .map((line, i) => `BT /F1 12 Tf 72 ${760 - i * 20} Td <${hex(line)}> Tj ET`)
    .join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    `<< /Type /Font /Subtype /Type0 /BaseFont /${font.name} /Encoding /${font.encoding} /DescendantFonts [6 0 R] >>`,
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    `<< /Type /Font /Subtype /CIDFontType0 /BaseFont /${font.name} /CIDSystemInfo << /Registry (Adobe) /Ordering (${font.ordering}) /Supplement 2 >> /FontDescriptor 7 0 R /DW 1000 >>`,
    `<< /Type /FontDescriptor /FontName /${font.name} /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (const [i, body] of objects.entries()) {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  }
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}
