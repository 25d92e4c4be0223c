import widths from './helvetica-widths.json';

/**
 * Text for the standard Helvetica fonts: Unicode → WinAnsiEncoding bytes (held in a "binary" string, one
 * char per byte, as PHP holds them) and glyph widths. The PHP twin (Receipts\Pdf\WinAnsi) follows the same
 * steps so both renderers wrap every line at the same place.
 */
export type FontName = 'Helvetica' | 'Helvetica-Bold';

/** Code points outside Latin-1 that WinAnsi places in 0x80–0x9F. */
const HIGH: ReadonlyMap<number, number> = new Map([
  [0x20ac, 0x80], [0x201a, 0x82], [0x0192, 0x83], [0x201e, 0x84], [0x2026, 0x85], [0x2020, 0x86],
  [0x2021, 0x87], [0x02c6, 0x88], [0x2030, 0x89], [0x0160, 0x8a], [0x2039, 0x8b], [0x0152, 0x8c],
  [0x017d, 0x8e], [0x2018, 0x91], [0x2019, 0x92], [0x201c, 0x93], [0x201d, 0x94], [0x2022, 0x95],
  [0x2013, 0x96], [0x2014, 0x97], [0x02dc, 0x98], [0x2122, 0x99], [0x0161, 0x9a], [0x203a, 0x9b],
  [0x0153, 0x9c], [0x017e, 0x9e], [0x0178, 0x9f],
]); // prettier-ignore

/** Characters WinAnsi lacks that have a plain stand-in: "2ᵉ étage", "1ᵉʳ", non-breaking and minus hyphens. */
const STAND_INS: ReadonlyMap<number, string> = new Map([
  [0x1d49, 'e'], [0x02b3, 'r'], [0x02e2, 's'], [0x2010, '-'], [0x2011, '-'], [0x2212, '-'],
]); // prettier-ignore

/** The WinAnsi byte for one code point; '' to drop it, '?' when it has none. */
export function winAnsiByte(cp: number): string {
  // Line breaks, tabs and the other Unicode spaces become plain spaces; the no-break ones stay unbreakable.
  if (cp === 0x00a0 || cp === 0x202f || cp === 0x2007) return '\xa0';
  if (cp < 0x20 || (cp >= 0x2000 && cp <= 0x200a) || cp === 0x205f || cp === 0x3000) return ' ';
  // Soft hyphens, zero-width characters and combining accents (decomposed text) are not drawn.
  if (cp === 0x00ad || (cp >= 0x200b && cp <= 0x200d) || cp === 0xfeff || (cp >= 0x0300 && cp <= 0x036f)) {
    return '';
  }
  if (cp < 0x7f || (cp >= 0xa0 && cp <= 0xff)) return String.fromCharCode(cp);
  const high = HIGH.get(cp);
  return high === undefined ? (STAND_INS.get(cp) ?? '?') : String.fromCharCode(high);
}

/** WinAnsi bytes of a text, runs of spaces collapsed and both ends trimmed. */
export function winAnsi(text: string): string {
  let out = '';
  for (const ch of text) out += winAnsiByte(ch.codePointAt(0) ?? 0x3f);
  return out.replace(/ {2,}/g, ' ').replace(/^ | $/g, '');
}

const TABLES: Record<FontName, readonly number[]> = {
  Helvetica: widths.Helvetica,
  'Helvetica-Bold': widths['Helvetica-Bold'],
};

/** Width of WinAnsi bytes in 1/1000 of the font size. */
export function textUnits(bytes: string, font: FontName): number {
  const table = TABLES[font];
  let units = 0;
  for (let i = 0; i < bytes.length; i += 1) units += table[bytes.charCodeAt(i) - widths.firstCode] ?? 0;
  return units;
}

/** Width in points. */
export function textWidth(bytes: string, font: FontName, size: number): number {
  return (textUnits(bytes, font) * size) / 1000;
}

function fits(bytes: string, font: FontName, size: number, maxWidth: number): boolean {
  return textUnits(bytes, font) * size <= maxWidth * 1000;
}

/**
 * Greedy line breaking at spaces; a word wider than the line is cut between characters. More than
 * `maxLines` lines are cut with an ellipsis so a page can never overflow.
 */
export function wrapText(
  bytes: string,
  font: FontName,
  size: number,
  maxWidth: number,
  maxLines = 0,
): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of bytes === '' ? [] : bytes.split(' ')) {
    const candidate = line === '' ? word : line + ' ' + word;
    if (fits(candidate, font, size, maxWidth)) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    line = '';
    for (let i = 0; i < word.length; i += 1) {
      const ch = word.charAt(i);
      if (line !== '' && !fits(line + ch, font, size, maxWidth)) {
        lines.push(line);
        line = '';
      }
      line += ch;
    }
  }
  if (line !== '') lines.push(line);
  if (maxLines > 0 && lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    let last = kept[maxLines - 1] ?? '';
    while (last !== '' && !fits(last + '\x85', font, size, maxWidth)) last = last.slice(0, -1);
    kept[maxLines - 1] = last.replace(/ $/, '') + '\x85';
    return kept;
  }
  return lines;
}
