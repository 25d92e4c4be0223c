import { createHash } from 'node:crypto';
import { pdfContent, pdfText } from '../../../testing/pdf-text';
import { cerfaLayout, receiptFileName, renderReceiptPdf } from '../../../src/receipts/pdf';
import { PAGE_HEIGHT, PAGE_WIDTH, MARGIN } from '../../../src/receipts/pdf/cerfa-layout';
import { textWidth } from '../../../src/receipts/pdf/win-ansi';
import { FIXTURE_NAMES, fixture } from './fixtures';

type Record = ReturnType<typeof fixture>;

const texts = new Map<string, string>();
function textOf(name: string): string {
  let text = texts.get(name);
  if (text === undefined) {
    text = pdfText(renderReceiptPdf(fixture(name)));
    texts.set(name, text);
  }
  return text;
}

/** Names of the ticked boxes, e.g. "cgi:200", "status:general_interest". */
function ticked(record: Record): string[] {
  return cerfaLayout(record.number, record.document).flatMap((op) =>
    op.op === 'checkbox' && op.ticked ? [op.name] : [],
  );
}

const HEADER = [
  "Reçu au titre des dons à certains organismes d'intérêt général",
  'Articles 200, 238 bis et 978 du code général des impôts',
  'N° 11580*05',
];

const CERTIFICATION = [
  "Le bénéficiaire certifie sur l'honneur que les dons et versements qu'il reçoit ouvrent droit à la réduction d'impôt prévue à l'article : [x] 200 du CGI [ ] 238 bis du CGI [ ] 978 du CGI",
  'Forme du don : [ ] Acte authentique [ ] Acte sous seing privé [x] Déclaration de don manuel [ ] Autres',
  'Nature du don : [x] Numéraire [ ] Titres de sociétés cotés [ ] Autres',
  "En cas de don en numéraire, mode de versement : [ ] Remise d'espèces [ ] Chèque [x] Virement, prélèvement, carte bancaire",
];

const STATUS_WORDING = [
  "Œuvre ou organisme d'intérêt général",
  "Association ou fondation reconnue d'utilité publique par décret",
  'Association fournissant gratuitement une aide alimentaire ou des soins médicaux à des personnes en difficulté ou favorisant leur logement',
  "d'œuvres dramatiques, lyriques, musicales, chorégraphiques, cinématographiques et de cirque, l'organisation d'expositions d'art contemporain ou de festivals",
  "Association cultuelle ou de bienfaisance et établissement public des cultes reconnus d'Alsace-Moselle",
  "Établissement de recherche public ou privé, d'intérêt général, à but non lucratif",
  "Établissement d'enseignement supérieur ou d'enseignement artistique public ou privé, d'intérêt général, à but non lucratif",
  "Fondation d'entreprise",
  'Autre organisme',
];

describe('renderReceiptPdf: an individual one-off gift', () => {
  const text = (): string => textOf('individual-payment');

  it('prints the title, the legal references and the receipt number', () => {
    for (const mention of HEADER) expect(text()).toContain(mention);
    expect(text()).toContain("Numéro d'ordre du reçu : 2026-00042");
  });

  it('prints the beneficiary frame with every status box in its official wording', () => {
    expect(text()).toContain('Bénéficiaire des versements');
    expect(text()).toContain('Nom ou dénomination : Les Amis du Canal Saint-Martin');
    expect(text()).toContain("Adresse : 12, rue de l'Écluse Code postal : 75010 Commune : Paris");
    expect(text()).toContain(
      'Objet : Protéger et faire connaître le patrimoine du canal ; organiser des visites et des fêtes de quartier (budget annuel : 5 000 €).',
    );
    for (const wording of STATUS_WORDING) expect(text()).toContain(wording);
  });

  it('prints the donor as an individual', () => {
    expect(text()).toContain(
      "Donateur Nom : Dupré-Noël Prénoms : Hélène Adresse : 3 place de l'Église Bâtiment B, 2e étage Code postal : 69003 Commune : Lyon",
    );
    expect(text()).not.toContain('Raison sociale');
  });

  it('prints the amount framed by asterisks, in words, and the date of the gift', () => {
    expect(text()).toContain(
      "Le bénéficiaire reconnaît avoir reçu au titre des dons et versements ouvrant droit à réduction d'impôt, la somme de : ***123,45*** euros",
    );
    expect(text()).toContain('Somme en toutes lettres : cent vingt-trois euros et quarante-cinq centimes');
    expect(text()).toContain('Date du versement ou du don : 05/03/2026');
    expect(text()).not.toContain('Période');
  });

  it('prints the certification, the form, nature and method of the gift, ticks readable as text', () => {
    for (const mention of CERTIFICATION) expect(text()).toContain(mention);
  });

  it('ticks art. 200, the declared status, manual gift, cash money and the payment method, nothing else', () => {
    expect(ticked(fixture('individual-payment')).sort()).toEqual([
      'cgi:200',
      'form:manual_gift_declaration',
      'method:transfer_debit_card',
      'nature:cash_money',
      'status:general_interest',
    ]);
  });

  it('prints the date and the signatory, and draws no image without a signature image', () => {
    expect(text()).toContain(
      'Date et signature Date : 05/03/2026 Nom et qualité du signataire : Françoise Lefèvre, trésorière',
    );
    const bytes = Buffer.from(renderReceiptPdf(fixture('individual-payment'))).toString('latin1');
    expect(bytes).not.toContain('/XObject');
  });

  it('is one page with no form field, annotation, action or script, and no permission restriction', () => {
    const bytes = renderReceiptPdf(fixture('individual-payment'));
    const content = pdfContent(bytes);
    expect(content.pages).toHaveLength(1);
    expect(content.hasFormFields).toBe(false);
    expect(content.permissions).toBeNull();
    const raw = Buffer.from(bytes).toString('latin1');
    for (const key of ['/AcroForm', '/Annots', '/JavaScript', '/OpenAction', '/AA', '/Encrypt']) {
      expect(raw).not.toContain(key);
    }
    expect(raw.startsWith('%PDF-1.4\n')).toBe(true);
    expect(raw).toContain('/MediaBox [0 0 595.28 841.89]');
  });
});

describe('renderReceiptPdf: a company gift', () => {
  it('prints the company, its SIREN and the amount', () => {
    const text = textOf('company-payment');
    expect(text).toContain(
      'Donateur Raison sociale : Boulangerie Œuvre & Fils SARL SIREN : 123 456 789 Adresse : 8 avenue Jean-Jaurès',
    );
    expect(text).toContain('la somme de : ***2 500,00*** euros');
    expect(text).toContain('Somme en toutes lettres : deux mille cinq cents euros');
    expect(text).toContain("Numéro d'ordre du reçu : RF-2026-00043");
    expect(text).not.toContain('Prénoms');
  });

  it('ticks art. 238 bis and not 200, the cheque, and public utility with its decree', () => {
    const boxes = ticked(fixture('company-payment'));
    expect(boxes).toContain('cgi:238 bis');
    expect(boxes).not.toContain('cgi:200');
    expect(boxes).toContain('method:cheque');
    expect(boxes.filter((name) => name.startsWith('status:'))).toEqual(['status:public_utility']);
    expect(textOf('company-payment')).toContain(
      "[x] Association ou fondation reconnue d'utilité publique par décret (date du décret et du Journal officiel) : décret du 12 mars 1990, JO du 20 mars 1990",
    );
    expect(textOf('company-payment')).toContain(
      "l'article : [ ] 200 du CGI [x] 238 bis du CGI [ ] 978 du CGI",
    );
    expect(textOf('company-payment')).toContain("[ ] Œuvre ou organisme d'intérêt général");
    expect(textOf('company-payment')).toContain("[ ] Remise d'espèces [x] Chèque [ ] Virement");
  });

  it('draws the JPEG signature as is, sized from its frame header', () => {
    const raw = Buffer.from(renderReceiptPdf(fixture('company-payment'))).toString('latin1');
    expect(raw).toContain(
      '/Subtype /Image /Width 48 /Height 16 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode',
    );
    const jpeg = Buffer.from(fixture('company-payment').document.signatureImage?.data ?? '', 'base64');
    expect(raw).toContain(jpeg.toString('latin1'));
    expect(raw).toMatch(/q 160 0 0 53\.33 \d+(\.\d+)? \d+(\.\d+)? cm \/Im1 Do Q/);
  });
});

describe('renderReceiptPdf: a signature image the writer cannot read', () => {
  it('is left out and the receipt is still issued with the signatory printed', () => {
    const bytes = renderReceiptPdf(fixture('unreadable-signature'));
    expect(Buffer.from(bytes).toString('latin1')).not.toContain('/XObject');
    expect(pdfText(bytes)).toContain('Nom et qualité du signataire : Françoise Lefèvre, trésorière');
  });
});

describe('renderReceiptPdf: an annual summary', () => {
  it('prints the period instead of a date of gift', () => {
    const text = textOf('annual-summary');
    expect(text).toContain('Période : du 01/01/2026 au 31/12/2026');
    expect(text).not.toContain('Date du versement ou du don');
    expect(text).toContain('la somme de : ***360,00*** euros');
    expect(text).toContain('Date : 15/01/2027');
  });

  it('ticks "other" with the detail the issuer gave', () => {
    expect(textOf('annual-summary')).toContain('Autre organisme : fonds de dotation');
    expect(ticked(fixture('annual-summary'))).toContain('status:other');
  });

  it('draws the PNG signature from its zlib data with the PNG predictors', () => {
    const raw = Buffer.from(renderReceiptPdf(fixture('annual-summary'))).toString('latin1');
    expect(raw).toContain(
      '/Width 24 /Height 10 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode /DecodeParms << /Predictor 15 /Colors 3 /BitsPerComponent 8 /Columns 24 >>',
    );
  });
});

describe('renderReceiptPdf: corrections and cancellations', () => {
  it('a correction names the receipt it replaces', () => {
    const text = textOf('correction');
    expect(text).toContain(
      "Numéro d'ordre du reçu : 2026-00051 Ce reçu annule et remplace le reçu n° 2026-00042",
    );
    expect(text).toContain('la somme de : ***100,00*** euros');
  });

  it('a cancellation names the receipt it cancels', () => {
    const text = textOf('cancellation');
    expect(text).toContain("Numéro d'ordre du reçu : 2026-00052 Ce reçu annule le reçu n° 2026-00042");
    expect(text).not.toContain('annule et remplace');
  });

  it('an original receipt mentions no other receipt', () => {
    expect(textOf('individual-payment')).not.toContain('Ce reçu annule');
  });
});

describe('renderReceiptPdf: long and unusual texts', () => {
  const record = fixture('long-texts');
  const ops = cerfaLayout(record.number, record.document);

  it('wraps every line inside the page margins and above the bottom margin', () => {
    for (const op of ops) {
      if (op.op !== 'text') continue;
      expect(op.x).toBeGreaterThanOrEqual(MARGIN);
      expect(op.y).toBeGreaterThan(MARGIN);
      expect(op.y).toBeLessThan(PAGE_HEIGHT - MARGIN);
    }
    const texts = ops.filter((op) => op.op === 'text');
    for (const op of texts)
      expect(op.x + textWidth(op.text, op.font, op.size)).toBeLessThanOrEqual(PAGE_WIDTH - MARGIN);
  });

  it('keeps the long name, address and signatory whole, cuts an endless object with an ellipsis', () => {
    const text = textOf('long-texts');
    expect(text).toContain(
      'Nom ou dénomination : Association intercommunale pour la sauvegarde, la restauration et la mise en valeur des moulins à eau et à vent du Val-de-Loire et de ses affluents',
    );
    expect(text).toContain("chemin communal n° 7 prolongé jusqu'au gué de la rivière BP 1234 — Cedex 9");
    expect(text).toContain(
      "Anne-Sophie de Montmorency-Laval, présidente du conseil d'administration et déléguée générale",
    );
    expect(text).toMatch(/Objet : L'association a pour objet .*…/);
    // The object repeats its sentence six times; four lines hold less than two of them.
    expect(text.split("L'association a pour objet").length - 1).toBe(2);
  });

  it('renders French accents, ligatures, quotes and dashes; what WinAnsi lacks becomes "?"', () => {
    const text = textOf('long-texts');
    expect(text).toContain(
      "Nom : De La Fontaine-Désormeaux d'Ôtrecœur Prénoms : Jean-Baptiste Marie Éloïse Œdipe",
    );
    expect(text).toContain('Adresse : ?ód? ul. Piotrkowska 104 — Žižkov ? “quoted” ‘single’ … ™');
    expect(text).toContain('Pays : PL');
    expect(text).toContain('la somme de : ***1 234 567,89*** euros');
  });

  it('stays on one page, inside the margins, when every text is as long as can be', () => {
    const worst = fixture('longest-texts');
    const ops = cerfaLayout(worst.number, worst.document);
    const lowest = Math.min(...ops.map((op) => ('y' in op ? op.y : Math.min(op.y1, op.y2))));
    expect(lowest).toBeGreaterThan(MARGIN);
    expect(pdfContent(renderReceiptPdf(worst)).pages).toHaveLength(1);
    expect(pdfText(renderReceiptPdf(worst))).toContain(
      'Ce reçu annule et remplace le reçu n° 2026-00001 2026-00001',
    );
  });

  it('ticks cash for money handed over', () => {
    expect(ticked(record)).toContain('method:cash');
    expect(ticked(record)).toContain('status:food_aid_or_care');
  });
});

describe('renderReceiptPdf: determinism', () => {
  it.each(FIXTURE_NAMES)('%s: the same record gives the same bytes', (name) => {
    const first = renderReceiptPdf(fixture(name));
    const second = renderReceiptPdf(fixture(name));
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });

  it('the file carries the issue date, not the rendering time, and an /ID derived from its content', () => {
    const raw = Buffer.from(renderReceiptPdf(fixture('individual-payment'))).toString('latin1');
    expect(raw).toContain('/CreationDate (D:20260305)');
    const id = /\/ID \[<([0-9a-f]{32})> <\1>\]/.exec(raw)?.[1];
    const body = raw.slice(0, raw.indexOf('xref\n'));
    expect(id).toBe(createHash('md5').update(body, 'latin1').digest('hex'));
  });

  it('another number gives another file', () => {
    const record = fixture('individual-payment');
    const other = renderReceiptPdf({ ...record, number: '2026-00043' });
    expect(Buffer.from(other).equals(Buffer.from(renderReceiptPdf(record)))).toBe(false);
  });
});

describe('receiptFileName', () => {
  it('names the file after the receipt number', () => {
    expect(receiptFileName('2026-00042')).toBe('recu-fiscal-2026-00042.pdf');
    expect(receiptFileName('RF-2026-00001')).toBe('recu-fiscal-RF-2026-00001.pdf');
    expect(receiptFileName('../x y')).toBe('recu-fiscal----x-y.pdf');
  });
});
