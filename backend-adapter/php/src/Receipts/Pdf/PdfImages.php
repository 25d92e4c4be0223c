<?php

declare(strict_types=1);

namespace Guichet\Adapter\Receipts\Pdf;

/**
 * The two image formats a PDF can carry without decoding them: JPEG as is (DCTDecode) and PNG's zlib data as
 * is (FlateDecode with the PNG predictors). Twin of src/receipts/pdf/pdf-images.ts. An image is an array
 * {width, height, colorSpace, filter, decodeParms?, data}.
 */
final class PdfImages
{
    private const COLOR_SPACES = [1 => 'DeviceGray', 3 => 'DeviceRGB', 4 => 'DeviceCMYK'];

    private static function u16(string $bytes, int $at): int
    {
        return (ord($bytes[$at] ?? "\0") << 8) | ord($bytes[$at + 1] ?? "\0");
    }

    private static function u32(string $bytes, int $at): int
    {
        return self::u16($bytes, $at) * 65536 + self::u16($bytes, $at + 2);
    }

    private static function byteAt(string $bytes, int $at): int
    {
        return ord($bytes[$at] ?? "\0");
    }

    /** @return array<string, mixed> */
    public static function jpeg(string $bytes): array
    {
        if (self::u16($bytes, 0) !== 0xffd8) {
            throw new \InvalidArgumentException('Not a JPEG image');
        }
        $at = 2;
        $length = strlen($bytes);
        while ($at + 4 <= $length) {
            if (self::byteAt($bytes, $at) !== 0xff) {
                throw new \InvalidArgumentException('Corrupt JPEG image');
            }
            $marker = self::byteAt($bytes, $at + 1);
            if ($marker === 0xff) {
                $at += 1;
                continue;
            }
            if ($marker === 0x01 || ($marker >= 0xd0 && $marker <= 0xd7)) {
                $at += 2;
                continue;
            }
            $segment = self::u16($bytes, $at + 2);
            $isFrame = $marker >= 0xc0 && $marker <= 0xcf && $marker !== 0xc4 && $marker !== 0xc8 && $marker !== 0xcc;
            if ($isFrame && $at + 10 <= $length) {
                $colorSpace = self::COLOR_SPACES[self::byteAt($bytes, $at + 9)] ?? null;
                if (self::byteAt($bytes, $at + 4) !== 8 || $colorSpace === null) {
                    throw new \InvalidArgumentException('Unsupported JPEG image');
                }
                return [
                    'width' => self::u16($bytes, $at + 7),
                    'height' => self::u16($bytes, $at + 5),
                    'colorSpace' => $colorSpace,
                    'filter' => 'DCTDecode',
                    'data' => $bytes,
                ];
            }
            $at += 2 + $segment;
        }
        throw new \InvalidArgumentException('JPEG image without a frame header');
    }

    /** @return array<string, mixed> */
    public static function png(string $bytes): array
    {
        if (substr($bytes, 0, 8) !== "\x89PNG\r\n\x1a\n") {
            throw new \InvalidArgumentException('Not a PNG image');
        }
        $at = 8;
        $header = null;
        $data = '';
        $length = strlen($bytes);
        while ($at + 8 <= $length) {
            $size = self::u32($bytes, $at);
            $type = substr($bytes, $at + 4, 4);
            $body = (string) substr($bytes, $at + 8, $size);
            if ($type === 'IHDR') {
                $depth = self::byteAt($body, 8);
                $colorType = self::byteAt($body, 9);
                if ($depth !== 8 || ($colorType !== 0 && $colorType !== 2) || self::byteAt($body, 12) !== 0) {
                    throw new \InvalidArgumentException(
                        'Unsupported PNG image: 8-bit grey or RGB without transparency or interlacing only',
                    );
                }
                $header = ['width' => self::u32($body, 0), 'height' => self::u32($body, 4), 'colors' => $colorType === 2 ? 3 : 1];
            } elseif ($type === 'IDAT') {
                $data .= $body;
            } elseif ($type === 'tRNS') {
                throw new \InvalidArgumentException('Unsupported PNG image: transparency');
            } elseif ($type === 'IEND') {
                break;
            }
            $at += 12 + $size;
        }
        if ($header === null || $data === '') {
            throw new \InvalidArgumentException('PNG image without header or data');
        }
        return [
            'width' => $header['width'],
            'height' => $header['height'],
            'colorSpace' => $header['colors'] === 3 ? 'DeviceRGB' : 'DeviceGray',
            'filter' => 'FlateDecode',
            'decodeParms' => '<< /Predictor 15 /Colors ' . $header['colors'] . ' /BitsPerComponent 8 /Columns '
                . $header['width'] . ' >>',
            'data' => $data,
        ];
    }

    /** @return array<string, mixed> From the receipt's base64 signature. */
    public static function fromBase64(string $type, string $base64): array
    {
        $bytes = (string) base64_decode($base64);
        return $type === 'image/png' ? self::png($bytes) : self::jpeg($bytes);
    }
}
