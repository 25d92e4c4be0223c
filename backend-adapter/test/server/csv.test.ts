import { csvAmount, csvCell, csvDialect, csvLines, type CsvColumn } from '../../src/server/csv';

const fr = csvDialect('fr');
const en = csvDialect('en');

describe('CSV cells', () => {
  test.each([
    ['=1+2', "'=1+2"],
    ['+33 6 12 34 56 78', "'+33 6 12 34 56 78"],
    ['-10', "'-10"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tindent', "'\tindent"],
    ['Dupont', 'Dupont'],
  ])('text %j is written as %j, so a spreadsheet shows it instead of running it', (text, cell) => {
    expect(csvCell(text, fr)).toBe(cell);
  });

  test('a cell with the separator, a quote or a line break is quoted', () => {
    expect(csvCell('Dupont; fils', fr)).toBe('"Dupont; fils"');
    expect(csvCell('Dupont, fils', fr)).toBe('Dupont, fils');
    expect(csvCell('Dupont, fils', en)).toBe('"Dupont, fils"');
    expect(csvCell('dit "Jo"', fr)).toBe('"dit ""Jo"""');
    expect(csvCell('ligne\nsuivante', fr)).toBe('"ligne\nsuivante"');
  });

  test('amounts are exact decimals in the dialect, never floats, never defused', () => {
    expect(csvCell(csvAmount(2500, 2, fr), fr)).toBe('25,00');
    expect(csvCell(csvAmount(5, 2, en), en)).toBe('0.05');
    expect(csvCell(csvAmount(-1999, 2, fr), fr)).toBe('-19,99');
    expect(csvCell(csvAmount(1500, 0, fr), fr)).toBe('1500');
  });

  test('a file streams its header once, then the rows page by page, with CRLF line ends', async () => {
    const columns: CsvColumn<{ n: number }>[] = [
      { header: { fr: 'Numéro', en: 'Number' }, value: (r) => r.n },
    ];
    async function* pages() {
      yield [{ n: 1 }, { n: 2 }];
      yield [];
      yield [{ n: 3 }];
    }
    const chunks: string[] = [];
    for await (const chunk of csvLines(columns, pages(), 'fr')) chunks.push(chunk);
    expect(chunks.join('')).toBe('\uFEFFNuméro\r\n1\r\n2\r\n3\r\n');
  });
});
