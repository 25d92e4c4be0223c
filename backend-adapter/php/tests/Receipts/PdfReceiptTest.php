<?php

declare(strict_types=1);

namespace Guichet\Adapter\Tests\Receipts;

use Guichet\Adapter\Receipts\Pdf\CerfaLayout;
use Guichet\Adapter\Receipts\Pdf\PdfWriter;
use Guichet\Adapter\Receipts\Pdf\ReceiptPdf;
use Guichet\Adapter\Tests\Support\Paths;
use PHPUnit\Framework\TestCase;

/**
 * The PHP receipt renderer on the shared fixtures (tests/vectors/receipts-pdf-fixtures.json). What the page
 * says is read from the layout's text (WinAnsi decoded back); that the PDF bytes are those of the TypeScript
 * renderer, which pdf.js reads back, is tests/vectors-check/receipts-pdf-identity.test.ts.
 */
final class PdfReceiptTest extends TestCase
{
    /** @return array<string, mixed> */
    private static function record(string $name): array
    {
        $fixtures = json_decode((string) file_get_contents(Paths::vectors() . '/receipts-pdf-fixtures.json'), true);
        foreach ($fixtures['cases'] as $case) {
            if ($case['name'] === $name) {
                return $case['record'];
            }
        }
        throw new \InvalidArgumentException('No receipt fixture ' . $name);
    }

    /** @param array<string, mixed> $record */
    private static function text(array $record): string
    {
        $lines = [];
        foreach (CerfaLayout::ops($record['number'], $record['document']) as $op) {
            if ($op['op'] === 'text') {
                $lines[] = (string) mb_convert_encoding($op['text'], 'UTF-8', 'Windows-1252');
            }
        }
        return (string) preg_replace('/[\s\x{a0}]+/u', ' ', implode(' ', $lines));
    }

    /**
     * @param array<string, mixed> $record
     * @return list<string>
     */
    private static function ticked(array $record): array
    {
        $names = [];
        foreach (CerfaLayout::ops($record['number'], $record['document']) as $op) {
            if ($op['op'] === 'checkbox' && $op['ticked']) {
                $names[] = $op['name'];
            }
        }
        sort($names);
        return $names;
    }

    public function testAnIndividualGiftCarriesEveryMention(): void
    {
        $text = self::text(self::record('individual-payment'));
        foreach ([
            "Reçu au titre des dons à certains organismes d'intérêt général",
            'Articles 200, 238 bis et 978 du code général des impôts',
            'N° 11580*05',
            "Numéro d'ordre du reçu : 2026-00042",
            'Bénéficiaire des versements Nom ou dénomination : Les Amis du Canal Saint-Martin',
            '(budget annuel : 5 000 €).',
            "Œuvre ou organisme d'intérêt général",
            'Donateur Nom : Dupré-Noël Prénoms : Hélène',
            "d'impôt, la somme de : ***123,45*** euros",
            'Somme en toutes lettres : cent vingt-trois euros et quarante-cinq centimes',
            'Date du versement ou du don : 05/03/2026',
            "Le bénéficiaire certifie sur l'honneur que les dons et versements qu'il reçoit ouvrent droit à la réduction d'impôt prévue à l'article : 200 du CGI 238 bis du CGI 978 du CGI",
            'Forme du don : Acte authentique Acte sous seing privé Déclaration de don manuel Autres',
            'Nature du don : Numéraire Titres de sociétés cotés Autres',
            "En cas de don en numéraire, mode de versement : Remise d'espèces Chèque Virement, prélèvement, carte bancaire",
            'Date et signature Date : 05/03/2026 Nom et qualité du signataire : Françoise Lefèvre, trésorière',
        ] as $mention) {
            self::assertStringContainsString($mention, $text);
        }
        self::assertSame(
            ['cgi:200', 'form:manual_gift_declaration', 'method:transfer_debit_card', 'nature:cash_money', 'status:general_interest'],
            self::ticked(self::record('individual-payment')),
        );
    }

    public function testACompanyGiftTicks238BisNot200(): void
    {
        $record = self::record('company-payment');
        $text = self::text($record);
        self::assertStringContainsString('Raison sociale : Boulangerie Œuvre & Fils SARL SIREN : 123 456 789', $text);
        self::assertStringContainsString('***2 500,00*** euros', $text);
        self::assertStringContainsString('par décret (date du décret et du Journal officiel) : décret du 12 mars 1990', $text);
        $ticked = self::ticked($record);
        self::assertContains('cgi:238 bis', $ticked);
        self::assertNotContains('cgi:200', $ticked);
        self::assertContains('status:public_utility', $ticked);
    }

    public function testAnAnnualSummaryPrintsItsPeriod(): void
    {
        $text = self::text(self::record('annual-summary'));
        self::assertStringContainsString('Période : du 01/01/2026 au 31/12/2026', $text);
        self::assertStringNotContainsString('Date du versement', $text);
        self::assertStringContainsString('Autre organisme : fonds de dotation', $text);
    }

    public function testCorrectionsAndCancellationsNameTheOldReceipt(): void
    {
        self::assertStringContainsString(
            'Ce reçu annule et remplace le reçu n° 2026-00042',
            self::text(self::record('correction')),
        );
        $cancellation = self::text(self::record('cancellation'));
        self::assertStringContainsString('Ce reçu annule le reçu n° 2026-00042', $cancellation);
        self::assertStringNotContainsString('remplace', $cancellation);
    }

    public function testLongTextsStayInsideThePage(): void
    {
        foreach (['long-texts', 'longest-texts'] as $name) {
            $record = self::record($name);
            foreach (CerfaLayout::ops($record['number'], $record['document']) as $op) {
                self::assertGreaterThan(CerfaLayout::MARGIN, $op['y'] ?? $op['y1'], $name);
                if ($op['op'] === 'text') {
                    self::assertGreaterThanOrEqual(CerfaLayout::MARGIN, $op['x']);
                }
            }
        }
        $record = self::record('long-texts');
        $text = self::text($record);
        self::assertStringContainsString("De La Fontaine-Désormeaux d'Ôtrecœur", $text);
        self::assertStringContainsString('Adresse : ?ód? ul. Piotrkowska 104 — Žižkov ? “quoted” ‘single’ … ™', $text);
        self::assertStringContainsString('***1 234 567,89*** euros', $text);
    }

    public function testThePdfHoldsTheLayoutTextAndNothingEditable(): void
    {
        $record = self::record('company-payment');
        $pdf = ReceiptPdf::render($record);
        self::assertStringStartsWith("%PDF-1.4\n", $pdf);
        self::assertStringEndsWith("%%EOF\n", $pdf);
        foreach (CerfaLayout::ops($record['number'], $record['document']) as $op) {
            if ($op['op'] === 'text') {
                self::assertStringContainsString(PdfWriter::literal($op['text']) . ' Tj', $pdf);
            }
        }
        foreach (['/AcroForm', '/Annots', '/JavaScript', '/OpenAction', '/Encrypt'] as $key) {
            self::assertStringNotContainsString($key, $pdf);
        }
        self::assertStringContainsString('/Filter /DCTDecode', $pdf);
        self::assertStringContainsString('/CreationDate (D:20260411)', $pdf);
    }

    public function testASignatureImageItCannotReadIsLeftOut(): void
    {
        $pdf = ReceiptPdf::render(self::record('unreadable-signature'));
        self::assertStringNotContainsString('/XObject', $pdf);
        self::assertStringContainsString(PdfWriter::literal("Fran\xe7oise Lef\xe8vre, tr\xe9sori\xe8re") . ' Tj', $pdf);
    }

    public function testTheSameRecordGivesTheSameBytes(): void
    {
        $record = self::record('annual-summary');
        self::assertSame(ReceiptPdf::render($record), ReceiptPdf::render($record));
        $other = $record;
        $other['number'] = '2027-00002';
        self::assertNotSame(ReceiptPdf::render($record), ReceiptPdf::render($other));
    }

    public function testTheFileIsNamedAfterTheNumber(): void
    {
        self::assertSame('recu-fiscal-2026-00042.pdf', ReceiptPdf::fileName('2026-00042'));
        self::assertSame('recu-fiscal-RF-2026-00001.pdf', ReceiptPdf::fileName('RF-2026-00001'));
        self::assertSame('recu-fiscal----x-y.pdf', ReceiptPdf::fileName('../x y'));
    }
}
