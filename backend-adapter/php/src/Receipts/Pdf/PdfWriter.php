<?php

declare(strict_types=1);

namespace Guichet\Adapter\Receipts\Pdf;

/**
 * A minimal PDF 1.4 file writer: numbered objects, the cross-reference table and the trailer. Nothing depends
 * on the clock: the file /ID is the MD5 of the body, so the same objects always give the same bytes (the
 * same as the TypeScript twin, src/receipts/pdf/pdf-writer.ts).
 */
final class PdfWriter
{
    /** @var list<string|null> */
    private array $bodies = [];

    /** Reserves an object number, for objects that refer to each other. */
    public function reserve(): int
    {
        $this->bodies[] = null;
        return count($this->bodies);
    }

    public function set(int $ref, string $body): void
    {
        $this->bodies[$ref - 1] = $body;
    }

    public function add(string $body): int
    {
        $ref = $this->reserve();
        $this->set($ref, $body);
        return $ref;
    }

    public function bytes(int $root, int $info): string
    {
        $out = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
        $offsets = [];
        foreach ($this->bodies as $index => $body) {
            if ($body === null) {
                throw new \LogicException('PDF object ' . ($index + 1) . ' reserved but never written');
            }
            $offsets[] = strlen($out);
            $out .= ($index + 1) . " 0 obj\n" . $body . "\nendobj\n";
        }
        $id = md5($out);
        $xref = strlen($out);
        $count = count($this->bodies) + 1;
        $out .= "xref\n0 " . $count . "\n0000000000 65535 f \n";
        foreach ($offsets as $offset) {
            $out .= sprintf('%010d', $offset) . " 00000 n \n";
        }
        $out .= "trailer\n<< /Size " . $count . ' /Root ' . $root . ' 0 R /Info ' . $info . ' 0 R /ID [<' . $id . '> <'
            . $id . ">] >>\n";
        return $out . "startxref\n" . $xref . "\n%%EOF\n";
    }

    /** A stream object: its dictionary entries (without << >>) and its data. */
    public static function stream(string $entries, string $data): string
    {
        $dict = $entries === '' ? '/Length ' . strlen($data) : $entries . ' /Length ' . strlen($data);
        return '<< ' . $dict . " >>\nstream\n" . $data . "\nendstream";
    }

    /** A number as PDF content writes it: at most two decimals, no trailing zeros. */
    public static function number(float $value): string
    {
        $hundredths = (int) floor($value * 100 + 0.5);
        $sign = $hundredths < 0 ? '-' : '';
        $abs = abs($hundredths);
        $whole = (string) intdiv($abs, 100);
        $cents = $abs % 100;
        if ($cents === 0) {
            return $sign . $whole;
        }
        return $sign . $whole . '.' . ($cents % 10 === 0 ? (string) intdiv($cents, 10) : sprintf('%02d', $cents));
    }

    /** A literal string of WinAnsi bytes: delimiters escaped, bytes outside printable ASCII as octal. */
    public static function literal(string $bytes): string
    {
        $out = '(';
        $length = strlen($bytes);
        for ($i = 0; $i < $length; $i++) {
            $code = ord($bytes[$i]);
            if ($code === 0x28 || $code === 0x29 || $code === 0x5c) {
                $out .= '\\' . $bytes[$i];
            } elseif ($code < 0x20 || $code > 0x7e) {
                $out .= sprintf('\\%03o', $code);
            } else {
                $out .= $bytes[$i];
            }
        }
        return $out . ')';
    }

    /** A text string for the document information (title…): UTF-16BE with its byte order mark, in hex. */
    public static function textString(string $text): string
    {
        $hex = '<FEFF';
        foreach (WinAnsi::codePoints($text) as $cp) {
            if ($cp > 0xffff) {
                $cp -= 0x10000;
                $hex .= sprintf('%04X%04X', 0xd800 | ($cp >> 10), 0xdc00 | ($cp & 0x3ff));
            } else {
                $hex .= sprintf('%04X', $cp);
            }
        }
        return $hex . '>';
    }
}
