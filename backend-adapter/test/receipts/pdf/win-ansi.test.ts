import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import widths from '../../../src/receipts/pdf/helvetica-widths.json';
import { textUnits, textWidth, winAnsi, wrapText } from '../../../src/receipts/pdf/win-ansi';
import { REPO_ROOT } from './fixtures';

function codes(bytes: string): number[] {
  return [...bytes].map((ch) => ch.charCodeAt(0));
}

describe('winAnsi', () => {
  it('maps French letters to their WinAnsi codes', () => {
    expect(codes(winAnsi('éèêàçôûùîïœŒ«»’€ÉÀÇ'))).toEqual([
      0xe9, 0xe8, 0xea, 0xe0, 0xe7, 0xf4, 0xfb, 0xf9, 0xee, 0xef, 0x9c, 0x8c, 0xab, 0xbb, 0x92, 0x80, 0xc9,
      0xc0, 0xc7,
    ]);
    expect(codes(winAnsi('–—…“”‘'))).toEqual([0x96, 0x97, 0x85, 0x93, 0x94, 0x91]);
  });

  it('turns what WinAnsi lacks into "?", one per character (not per UTF-16 unit)', () => {
    expect(winAnsi('Łódź 😀 日本')).toBe('?ód? ? ??');
    expect(winAnsi('a\ud800b')).toBe('a?b');
    expect(winAnsi('1ᵉʳ étage, 2ᵉ cour, Saint\u2011Denis, \u22125')).toBe(
      '1er \xe9tage, 2e cour, Saint-Denis, -5',
    );
  });

  it('collapses spaces, tabs and line breaks, trims, keeps no-break spaces, drops invisible marks', () => {
    expect(winAnsi('  12\t rue\r\n des  Lilas ')).toBe('12 rue des Lilas');
    expect(codes(winAnsi('5\u202f000\u00a0€'))).toEqual([0x35, 0xa0, 0x30, 0x30, 0x30, 0xa0, 0x80]);
    expect(winAnsi('co\u00adopé\u200bration')).toBe('coopération');
    // Decomposed accents lose the accent rather than becoming "?"
    expect(winAnsi('e\u0301te\u0301')).toBe('ete');
  });
});

describe('Helvetica widths', () => {
  it('are the AFM metrics pdf.js embeds, for both fonts, codes 32 to 255', () => {
    const worker = readFileSync(
      join(REPO_ROOT, 'node_modules/pdfjs-dist/legacy/build/pdf.worker.mjs'),
      'utf8',
    );
    const encoding = JSON.parse(
      /const WinAnsiEncoding = (\[[^\]]*\]);/.exec(worker)?.[1] ?? '[]',
    ) as string[];
    for (const [font, start] of [
      ['Helvetica', '  t.Helvetica = getLookupTableFactory(function (t) {'],
      ['Helvetica-Bold', '  t["Helvetica-Bold"] = getLookupTableFactory(function (t) {'],
    ] as const) {
      const from = worker.indexOf(start);
      expect(from).toBeGreaterThan(0);
      const body = worker.slice(from, worker.indexOf('});', from));
      const metrics = new Map<string, number>();
      for (const m of body.matchAll(/t(?:\.(\w+)|\["([^"]+)"\]) = (\d+);/g)) {
        metrics.set(m[1] ?? m[2] ?? '', Number(m[3]));
      }
      const expected = encoding.slice(32, 256).map((glyph) => metrics.get(glyph));
      expect(widths[font]).toEqual(expected);
    }
  });

  it('measure text in thousandths of the size', () => {
    expect(textUnits('Reçu', 'Helvetica')).toBe(722 + 556 + 500 + 556);
    expect(textWidth('Reçu', 'Helvetica-Bold', 10)).toBeCloseTo(((722 + 556 + 556 + 611) * 10) / 1000, 10);
  });
});

describe('wrapText', () => {
  const sentence = winAnsi(
    "Le bénéficiaire reconnaît avoir reçu au titre des dons et versements ouvrant droit à réduction d'impôt",
  );

  it('breaks at spaces so that no line is wider than the measure, and loses no word', () => {
    const lines = wrapText(sentence, 'Helvetica', 9, 120);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(textWidth(line, 'Helvetica', 9)).toBeLessThanOrEqual(120);
    expect(lines.join(' ')).toBe(sentence);
  });

  it('fills each line: the next word would not have fitted', () => {
    const lines = wrapText(sentence, 'Helvetica', 9, 120);
    for (let i = 0; i + 1 < lines.length; i += 1) {
      const next = (lines[i + 1] ?? '').split(' ')[0] ?? '';
      expect(textWidth(`${lines[i]} ${next}`, 'Helvetica', 9)).toBeGreaterThan(120);
    }
  });

  it('cuts a word longer than the line between characters', () => {
    const lines = wrapText('A'.repeat(100), 'Helvetica', 10, 50);
    expect(lines.join('')).toBe('A'.repeat(100));
    for (const line of lines) expect(textWidth(line, 'Helvetica', 10)).toBeLessThanOrEqual(50);
  });

  it('never breaks at a no-break space', () => {
    const lines = wrapText(
      winAnsi('somme de : ***1\u00a0234\u00a0567,89***\u00a0euros'),
      'Helvetica',
      9,
      110,
    );
    expect(lines).toHaveLength(2);
    expect(lines.some((line) => line === winAnsi('***1\u00a0234\u00a0567,89***\u00a0euros'))).toBe(true);
  });

  it('cuts beyond maxLines with an ellipsis that still fits', () => {
    const lines = wrapText(sentence, 'Helvetica', 9, 120, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]?.endsWith('\x85')).toBe(true);
    expect(textWidth(lines[1] ?? '', 'Helvetica', 9)).toBeLessThanOrEqual(120);
    expect(wrapText('', 'Helvetica', 9, 120)).toEqual([]);
  });
});
