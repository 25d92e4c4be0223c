<?php

declare(strict_types=1);

namespace Guichet\Adapter\Receipts\Pdf;

/**
 * A one-page PDF from drawing operations (arrays with an 'op' key: text, line, rect, checkbox, image; points
 * from the bottom-left corner; text already WinAnsi bytes). Twin of src/receipts/pdf/pdf-page.ts.
 */
final class PdfPage
{
    private const FONT_KEYS = ['Helvetica' => 'F1', 'Helvetica-Bold' => 'F2'];

    private static function n(float $value): string
    {
        return PdfWriter::number($value);
    }

    /**
     * The content stream of the ops; images are named Im1, Im2… in order of appearance.
     *
     * @param list<array<string, mixed>> $ops
     * @return array{0: string, 1: list<array<string, mixed>>}
     */
    public static function contentStream(array $ops): array
    {
        $images = [];
        $out = '';
        foreach ($ops as $op) {
            switch ($op['op']) {
                case 'text':
                    $out .= 'BT /' . self::FONT_KEYS[$op['font']] . ' ' . self::n($op['size']) . ' Tf ' . self::n($op['x']) . ' '
                        . self::n($op['y']) . ' Td ' . PdfWriter::literal($op['text']) . " Tj ET\n";
                    break;
                case 'line':
                    $out .= self::n($op['width']) . ' w ' . self::n($op['x1']) . ' ' . self::n($op['y1']) . ' m '
                        . self::n($op['x2']) . ' ' . self::n($op['y2']) . " l S\n";
                    break;
                case 'rect':
                    $box = self::n($op['x']) . ' ' . self::n($op['y']) . ' ' . self::n($op['w']) . ' ' . self::n($op['h']);
                    $out .= isset($op['fill'])
                        ? self::n($op['fill']) . ' g ' . $box . " re f 0 g\n"
                        : self::n($op['width']) . ' w ' . $box . " re S\n";
                    break;
                case 'checkbox':
                    // Invisible text says what the drawing shows, for screen readers, copy and search: "[x]" or "[ ]".
                    $out .= 'q BT 3 Tr /F1 6 Tf ' . self::n($op['x']) . ' ' . self::n($op['y'] + 1) . ' Td '
                        . PdfWriter::literal($op['ticked'] ? '[x]' : '[ ]') . " Tj ET Q\n";
                    $out .= '0.7 w ' . self::n($op['x']) . ' ' . self::n($op['y']) . ' ' . self::n($op['size']) . ' '
                        . self::n($op['size']) . " re S\n";
                    if ($op['ticked']) {
                        $a = self::n($op['x'] + 1.5);
                        $b = self::n($op['y'] + 1.5);
                        $c = self::n($op['x'] + $op['size'] - 1.5);
                        $d = self::n($op['y'] + $op['size'] - 1.5);
                        $out .= "1 w $a $b m $c $d l S $a $d m $c $b l S\n";
                    }
                    break;
                case 'image':
                    $images[] = $op['image'];
                    $out .= 'q ' . self::n($op['w']) . ' 0 0 ' . self::n($op['h']) . ' ' . self::n($op['x']) . ' '
                        . self::n($op['y']) . ' cm /Im' . count($images) . " Do Q\n";
                    break;
            }
        }
        return [$out, $images];
    }

    /** @param array<string, mixed> $image */
    private static function imageObject(array $image): string
    {
        $parms = isset($image['decodeParms']) ? ' /DecodeParms ' . $image['decodeParms'] : '';
        return PdfWriter::stream(
            '/Type /XObject /Subtype /Image /Width ' . $image['width'] . ' /Height ' . $image['height'] . ' /ColorSpace /'
            . $image['colorSpace'] . ' /BitsPerComponent 8 /Filter /' . $image['filter'] . $parms,
            $image['data'],
        );
    }

    /**
     * A complete one-page PDF: standard fonts only, no forms, no annotations, no scripts.
     *
     * @param array{width: float, height: float, ops: list<array<string, mixed>>, title: string, createdOn: string, lang: string} $doc
     */
    public static function render(array $doc): string
    {
        $writer = new PdfWriter();
        $catalog = $writer->reserve();
        $pages = $writer->reserve();
        $page = $writer->reserve();
        $fonts = [];
        foreach (array_keys(self::FONT_KEYS) as $font) {
            $fonts[] = $writer->add('<< /Type /Font /Subtype /Type1 /BaseFont /' . $font . ' /Encoding /WinAnsiEncoding >>');
        }
        [$content, $images] = self::contentStream($doc['ops']);
        $contents = $writer->add(PdfWriter::stream('', $content));
        $xobjects = [];
        foreach ($images as $index => $image) {
            $xobjects[] = '/Im' . ($index + 1) . ' ' . $writer->add(self::imageObject($image)) . ' 0 R';
        }
        $fontRefs = [];
        foreach ($fonts as $index => $ref) {
            $fontRefs[] = '/F' . ($index + 1) . ' ' . $ref . ' 0 R';
        }
        $xobjectDict = $xobjects === [] ? '' : ' /XObject << ' . implode(' ', $xobjects) . ' >>';
        $writer->set(
            $catalog,
            '<< /Type /Catalog /Pages ' . $pages . ' 0 R /Lang ' . PdfWriter::literal($doc['lang'])
            . ' /ViewerPreferences << /DisplayDocTitle true >> >>',
        );
        $writer->set($pages, '<< /Type /Pages /Kids [' . $page . ' 0 R] /Count 1 >>');
        $writer->set(
            $page,
            '<< /Type /Page /Parent ' . $pages . ' 0 R /MediaBox [0 0 ' . self::n($doc['width']) . ' ' . self::n($doc['height'])
            . '] /Resources << /Font << ' . implode(' ', $fontRefs) . ' >>' . $xobjectDict
            . ' /ProcSet [/PDF /Text /ImageB /ImageC] >> /Contents ' . $contents . ' 0 R >>',
        );
        $date = (string) preg_replace('/[^0-9]/', '', $doc['createdOn']);
        $info = $writer->add(
            '<< /Title ' . PdfWriter::textString($doc['title']) . ' /Producer (Guichet) /CreationDate (D:' . $date
            . ') /ModDate (D:' . $date . ') >>',
        );
        return $writer->bytes($catalog, $info);
    }
}
