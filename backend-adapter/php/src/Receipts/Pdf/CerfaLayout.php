<?php

declare(strict_types=1);

namespace Guichet\Adapter\Receipts\Pdf;

/**
 * Places the mentions of cerfa 11580*05 on one A4 page, top to bottom; each method draws and moves the cursor
 * down. Twin of src/receipts/pdf/cerfa-layout.ts: same steps, same arithmetic, so both give the same bytes.
 */
final class CerfaLayout
{
    public const PAGE_WIDTH = 595.28;
    public const PAGE_HEIGHT = 841.89;
    public const MARGIN = 36;
    private const PAD = 8;
    private const INNER_X = self::MARGIN + self::PAD;
    private const INNER_WIDTH = self::PAGE_WIDTH - 2 * self::MARGIN - 2 * self::PAD;
    private const BODY = 9;
    private const SMALL = 8;
    private const BOX = 7;
    private const SIGNATURE_MAX_WIDTH = 160;
    private const SIGNATURE_MAX_HEIGHT = 60;

    /** @var list<array<string, mixed>> */
    private array $ops = [];
    private float $y = self::PAGE_HEIGHT - self::MARGIN;

    /**
     * The drawing of one receipt (ReceiptDocument keys).
     *
     * @param array<string, mixed> $doc
     * @return list<array<string, mixed>>
     */
    public static function ops(string $number, array $doc): array
    {
        $page = new self();
        $page->header($number, $doc);
        $page->beneficiary($doc);
        $page->donor($doc);
        $page->gift($doc);
        $page->signature($doc);
        return $page->ops;
    }

    private static function leading(float $size): float
    {
        return $size + $size / 4;
    }

    /**
     * WinAnsi bytes with French spacing: a no-break space before : ; ! ? » and after «, so a colon never starts
     * a line.
     */
    private static function encode(string $text): string
    {
        $bytes = (string) preg_replace('/ ([:;!?\xbb])/', "\xa0\$1", WinAnsi::encode($text));
        return str_replace("\xab ", "\xab\xa0", $bytes);
    }

    /** "2026-03-05" → "05/03/2026". */
    public static function frenchDate(string $isoDay): string
    {
        return preg_match('/^(\d{4})-(\d{2})-(\d{2})$/D', $isoDay, $m) === 1 ? $m[3] . '/' . $m[2] . '/' . $m[1] : $isoDay;
    }

    /** 123456 cents → "1 234,56" (no-break spaces between groups, UTF-8). */
    public static function amountInFigures(int $amount): string
    {
        $abs = abs($amount);
        $cents = $abs % 100;
        $euros = (string) intdiv($abs, 100);
        $grouped = '';
        while (strlen($euros) > 3) {
            $grouped = "\u{a0}" . substr($euros, -3) . $grouped;
            $euros = substr($euros, 0, -3);
        }
        return ($amount < 0 ? '-' : '') . $euros . $grouped . ',' . sprintf('%02d', $cents);
    }

    private function text(float $x, float $baseline, string $font, float $size, string $bytes): void
    {
        $this->ops[] = ['op' => 'text', 'x' => $x, 'y' => $baseline, 'font' => $font, 'size' => $size, 'text' => $bytes];
    }

    private function paragraph(string $text, float $x, float $width, string $font, float $size, int $maxLines): void
    {
        foreach (WinAnsi::wrap(self::encode($text), $font, $size, $width, $maxLines) as $line) {
            $this->text($x, $this->y - $size, $font, $size, $line);
            $this->y -= self::leading($size);
        }
    }

    /**
     * A label in regular type, its values in bold beside it (wrapped with a hanging indent).
     *
     * @param list<string> $values
     * @param list<int> $maxLines for each value
     */
    private function field(string $label, array $values, float $size, array $maxLines): void
    {
        $bytes = self::encode($label);
        $indent = WinAnsi::width($bytes, 'Helvetica', $size) + 3;
        $top = $this->y;
        $this->text(self::INNER_X, $this->y - $size, 'Helvetica', $size, $bytes);
        foreach ($values as $index => $value) {
            $lines = $maxLines[$index] ?? 1;
            $this->paragraph($value, self::INNER_X + $indent, self::INNER_WIDTH - $indent, 'Helvetica-Bold', $size, $lines);
        }
        if ($this->y === $top) {
            $this->y -= self::leading($size);
        }
    }

    /** @param array<string, mixed> $address */
    private function address(array $address): void
    {
        $this->field(self::t('address'), [(string) $address['line1'], (string) ($address['line2'] ?? '')], self::BODY, [2, 1]);
        $this->field(self::t('postalCode'), [(string) $address['postalCode']], self::BODY, [1]);
        $this->field(self::t('city'), [(string) $address['city']], self::BODY, [1]);
        if ($address['country'] !== 'FR') {
            $this->field(self::t('country'), [(string) $address['country']], self::BODY, [1]);
        }
    }

    /** @param array{label: string, ticked: bool, name: string} $choice */
    private function checkbox(float $x, float $baseline, array $choice): void
    {
        $this->ops[] = [
            'op' => 'checkbox',
            'x' => $x,
            'y' => $baseline - 0.5,
            'size' => self::BOX,
            'ticked' => $choice['ticked'],
            'name' => $choice['name'],
        ];
    }

    /**
     * One box per line, its wording wrapped beside it.
     *
     * @param list<array{label: string, ticked: bool, name: string}> $choices
     */
    private function checkList(array $choices): void
    {
        foreach ($choices as $choice) {
            $this->checkbox(self::INNER_X, $this->y - self::SMALL, $choice);
            $this->paragraph(
                $choice['label'],
                self::INNER_X + self::BOX + 4,
                self::INNER_WIDTH - self::BOX - 4,
                'Helvetica',
                self::SMALL,
                3,
            );
            $this->y -= 1;
        }
    }

    /**
     * A label then its boxes on the same line, continuing on the next lines when they do not fit.
     *
     * @param list<array{label: string, ticked: bool, name: string}> $choices
     */
    private function choiceRow(string $label, array $choices): void
    {
        $bytes = self::encode($label);
        $x = self::INNER_X;
        if ($bytes !== '') {
            $this->text(self::INNER_X, $this->y - self::BODY, 'Helvetica', self::BODY, $bytes);
            $x = self::INNER_X + WinAnsi::width($bytes, 'Helvetica', self::BODY) + 8;
        }
        foreach ($choices as $choice) {
            $text = self::encode($choice['label']);
            $width = self::BOX + 3 + WinAnsi::width($text, 'Helvetica', self::BODY);
            if ($x > self::INNER_X && $x + $width > self::INNER_X + self::INNER_WIDTH) {
                $this->y -= self::leading(self::BODY);
                $x = self::INNER_X + 12;
            }
            $this->checkbox($x, $this->y - self::BODY, $choice);
            $this->text($x + self::BOX + 3, $this->y - self::BODY, 'Helvetica', self::BODY, $text);
            $x += $width + 12;
        }
        $this->y -= self::leading(self::BODY) + 2;
    }

    /** A framed section with a grey title band. */
    private function frame(string $title, callable $body): void
    {
        $top = $this->y;
        $band = 15;
        $this->ops[] = [
            'op' => 'rect',
            'x' => self::MARGIN,
            'y' => $top - $band,
            'w' => self::PAGE_WIDTH - 2 * self::MARGIN,
            'h' => $band,
            'width' => 0,
            'fill' => 0.88,
        ];
        $this->text(self::INNER_X, $top - 10.5, 'Helvetica-Bold', 9.5, self::encode($title));
        $this->y = $top - $band - 5;
        $body();
        $bottom = $this->y - 3;
        $this->ops[] = [
            'op' => 'rect',
            'x' => self::MARGIN,
            'y' => $bottom,
            'w' => self::PAGE_WIDTH - 2 * self::MARGIN,
            'h' => $top - $bottom,
            'width' => 0.8,
        ];
        $this->y = $bottom - 9;
    }

    private static function t(string $key): string
    {
        return CerfaWording::TEXT[$key];
    }

    /** @param array<string, mixed> $doc */
    private function header(string $number, array $doc): void
    {
        $reference = self::encode(self::t('reference'));
        $referenceX = self::PAGE_WIDTH - self::MARGIN - WinAnsi::width($reference, 'Helvetica-Bold', self::BODY);
        $this->text($referenceX, $this->y - self::BODY, 'Helvetica-Bold', self::BODY, $reference);
        $this->paragraph(self::t('title'), self::MARGIN, self::PAGE_WIDTH - 2 * self::MARGIN - 80, 'Helvetica-Bold', 13, 2);
        $this->paragraph(self::t('articles'), self::MARGIN, self::PAGE_WIDTH - 2 * self::MARGIN, 'Helvetica', self::BODY, 1);
        $this->y -= 4;
        $label = self::encode(self::t('number'));
        $this->text(self::MARGIN, $this->y - 10, 'Helvetica', 10, $label);
        $this->text(
            self::MARGIN + WinAnsi::width($label, 'Helvetica', 10) + 4,
            $this->y - 10,
            'Helvetica-Bold',
            10,
            self::encode($number),
        );
        $this->y -= self::leading(10);
        $replaces = $doc['replaces'] ?? null;
        if ($replaces !== null) {
            $sentence = $replaces['reason'] === 'cancellation' ? self::t('cancels') : self::t('replaces');
            $this->paragraph(
                $sentence . ' ' . $replaces['number'],
                self::MARGIN,
                self::PAGE_WIDTH - 2 * self::MARGIN,
                'Helvetica-Bold',
                10,
                1,
            );
        }
        $this->y -= 6;
    }

    /** @param array<string, mixed> $doc */
    private function beneficiary(array $doc): void
    {
        $b = $doc['beneficiary'];
        $this->frame(self::t('beneficiary'), function () use ($b): void {
            $this->field(self::t('beneficiaryName'), [(string) $b['name']], self::BODY, [2]);
            $this->address($b['address']);
            $this->field(self::t('object'), [(string) $b['object']], self::BODY, [3]);
            $this->y -= 3;
            $choices = [];
            foreach (CerfaWording::STATUSES as $status => $wording) {
                $detail = (string) ($b['statusDetail'] ?? '');
                $withDetail = $status === $b['status'] && $detail !== ''
                    && in_array($status, CerfaWording::STATUS_WITH_DETAIL, true);
                $choices[] = [
                    'label' => $withDetail ? $wording . ' : ' . $detail : $wording,
                    'ticked' => $status === $b['status'],
                    'name' => 'status:' . $status,
                ];
            }
            $this->checkList($choices);
        });
    }

    /** @param array<string, mixed> $doc */
    private function donor(array $doc): void
    {
        $d = $doc['donor'];
        $this->frame(self::t('donor'), function () use ($d): void {
            if ($d['type'] === 'company') {
                $this->field(self::t('companyName'), [(string) $d['name']], self::BODY, [2]);
                $siren = (string) ($d['siren'] ?? '');
                if ($siren !== '') {
                    $this->field(self::t('siren'), [$siren], self::BODY, [1]);
                }
            } else {
                $this->field(self::t('lastName'), [(string) $d['lastName']], self::BODY, [2]);
                $this->field(self::t('firstNames'), [(string) $d['firstName']], self::BODY, [2]);
            }
            $this->address($d['address']);
        });
    }

    /**
     * @param array<string, string> $options value => label
     * @param list<string> $ticked
     * @return list<array{label: string, ticked: bool, name: string}>
     */
    private static function choices(array $options, string $group, array $ticked): array
    {
        $choices = [];
        foreach ($options as $value => $label) {
            $value = (string) $value;
            $choices[] = ['label' => $label, 'ticked' => in_array($value, $ticked, true), 'name' => $group . ':' . $value];
        }
        return $choices;
    }

    /** @param array<string, mixed> $doc */
    private function gift(array $doc): void
    {
        $this->frame(self::t('gift'), function () use ($doc): void {
            $sentence = self::t('received') . ' ***' . self::amountInFigures((int) $doc['amount']) . "***\u{a0}"
                . self::t('euros');
            $this->paragraph($sentence, self::INNER_X, self::INNER_WIDTH, 'Helvetica', self::BODY, 3);
            $this->field(self::t('inWords'), [(string) $doc['amountInWords']], self::BODY, [3]);
            $period = $doc['period'] ?? null;
            if ($period !== null) {
                $text = 'du ' . self::frenchDate($period['from']) . ' au ' . self::frenchDate($period['to']);
                $this->field(self::t('period'), [$text], self::BODY, [1]);
            } else {
                $this->field(self::t('paidOn'), [self::frenchDate((string) ($doc['paidOn'] ?? ''))], self::BODY, [1]);
            }
            $this->y -= 4;
            $this->paragraph(self::t('certify'), self::INNER_X, self::INNER_WIDTH, 'Helvetica', self::BODY, 3);
            $articles = array_map('strval', $doc['cgiArticles']);
            $this->choiceRow('', self::choices(CerfaWording::CGI_ARTICLES, 'cgi', $articles));
            $this->choiceRow(self::t('form'), self::choices(CerfaWording::GIFT_FORMS, 'form', [$doc['form']]));
            $this->choiceRow(self::t('nature'), self::choices(CerfaWording::GIFT_NATURES, 'nature', [$doc['nature']]));
            $this->choiceRow(self::t('method'), self::choices(CerfaWording::PAYMENT_METHODS, 'method', [$doc['paymentMethod']]));
        });
    }

    /**
     * The signature image, or null. One the writer cannot read is left out rather than failing the receipt,
     * which the donor must get anyway (ReceiptDocuments::validateIssuer refuses such images when saved).
     *
     * @param array<string, mixed> $doc
     * @return array<string, mixed>|null
     */
    private static function signatureOf(array $doc): ?array
    {
        $signature = $doc['signatureImage'] ?? null;
        if ($signature === null) {
            return null;
        }
        try {
            $image = PdfImages::fromBase64((string) $signature['type'], (string) $signature['data']);
        } catch (\InvalidArgumentException $e) {
            return null;
        }
        return $image['width'] > 0 && $image['height'] > 0 ? $image : null;
    }

    /** @param array<string, mixed> $doc */
    private function signature(array $doc): void
    {
        $this->frame(self::t('signature'), function () use ($doc): void {
            $top = $this->y;
            $this->field(self::t('date'), [self::frenchDate((string) $doc['issuedOn'])], self::BODY, [1]);
            $signatory = $doc['signatory']['name'] . ', ' . $doc['signatory']['role'];
            $this->field(self::t('signatory'), [$signatory], self::BODY, [2]);
            $image = self::signatureOf($doc);
            if ($image !== null) {
                $scale = min(self::SIGNATURE_MAX_WIDTH / $image['width'], self::SIGNATURE_MAX_HEIGHT / $image['height']);
                $w = $image['width'] * $scale;
                $h = $image['height'] * $scale;
                $x = self::INNER_X + self::INNER_WIDTH - self::SIGNATURE_MAX_WIDTH;
                $this->ops[] = ['op' => 'image', 'x' => $x, 'y' => $top - $h, 'w' => $w, 'h' => $h, 'image' => $image];
                $this->y = min($this->y, $top - $h - 2);
            }
        });
    }
}
