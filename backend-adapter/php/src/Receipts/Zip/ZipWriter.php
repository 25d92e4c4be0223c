<?php

declare(strict_types=1);

namespace Guichet\Adapter\Receipts\Zip;

use Guichet\Adapter\Domain\Instant;

/**
 * A zip archive of stored (uncompressed) entries: PDFs are compressed already, and storing keeps the writer
 * small and its bytes identical to the TypeScript twin (src/receipts/zip/zip-writer.ts). Names are UTF-8
 * (flag bit 11); times are the DOS fields of the UTC date, since zip carries no time zone.
 */
final class ZipWriter
{
    private const UTF8_NAMES = 0x0800;
    private const VERSION = 20;

    /**
     * @param list<array{name: string, data: string, modifiedAt: string|\DateTimeInterface}> $files
     */
    public static function stored(array $files): string
    {
        if (count($files) > 0xffff) {
            throw new \LengthException('Too many files for a zip without zip64');
        }
        $out = '';
        $directory = '';
        foreach ($files as $file) {
            $name = (string) $file['name'];
            $data = (string) $file['data'];
            [$date, $time] = self::dosDateTime($file['modifiedAt']);
            $crc = crc32($data);
            $size = strlen($data);
            $offset = strlen($out);
            if ($offset + 30 + strlen($name) + $size > 0xffffffff) {
                throw new \LengthException('Zip too large without zip64');
            }
            $out .= pack('VvvvvvVVVvv', 0x04034b50, self::VERSION, self::UTF8_NAMES, 0, $time, $date, $crc, $size, $size, strlen($name), 0)
                . $name . $data;
            $directory .= pack(
                'VvvvvvvVVVvvvvvVV',
                0x02014b50,
                self::VERSION,
                self::VERSION,
                self::UTF8_NAMES,
                0,
                $time,
                $date,
                $crc,
                $size,
                $size,
                strlen($name),
                0,
                0,
                0,
                0,
                0,
                $offset,
            ) . $name;
        }
        $count = count($files);
        return $out . $directory . pack('VvvvvVVv', 0x06054b50, 0, 0, $count, $count, strlen($directory), strlen($out), 0);
    }

    /**
     * DOS date and time fields; before 1980 (the format's epoch) becomes 1980-01-01 00:00.
     *
     * @param string|\DateTimeInterface $at
     * @return array{0: int, 1: int}
     */
    private static function dosDateTime($at): array
    {
        $utc = Instant::of($at)->setTimezone(new \DateTimeZone('UTC'));
        [$year, $month, $day, $hour, $minute, $second] = array_map('intval', explode(' ', $utc->format('Y n j G i s')));
        if ($year < 1980) {
            return [(1 << 5) | 1, 0];
        }
        return [(($year - 1980) << 9) | ($month << 5) | $day, ($hour << 11) | ($minute << 5) | ($second >> 1)];
    }
}
