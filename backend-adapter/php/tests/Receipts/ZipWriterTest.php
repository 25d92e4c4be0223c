<?php

declare(strict_types=1);

namespace Guichet\Adapter\Tests\Receipts;

use Guichet\Adapter\Receipts\Zip\ZipWriter;
use PHPUnit\Framework\TestCase;

/** The stored zip, read back by parsing its central directory and local headers. */
final class ZipWriterTest extends TestCase
{
    /** @return list<array{name: string, data: string, modifiedAt: string}> */
    private static function files(): array
    {
        return [
            ['name' => 'recu-fiscal-2026-00001.pdf', 'data' => '%PDF-1.4 first', 'modifiedAt' => '2026-03-05T09:30:17.000Z'],
            ['name' => 'reçus/récapitulatif 2026.csv', 'data' => "numéro;montant\n", 'modifiedAt' => '2027-01-15T23:59:58.000Z'],
        ];
    }

    public function testEntriesReadBackWithTheirCrcNamesAndUtcTimes(): void
    {
        $zip = ZipWriter::stored(self::files());
        $end = unpack('Vsig/vdisk/vcdisk/vcount/vtotal/Vsize/Voffset/vcomment', substr($zip, -22));
        self::assertSame(0x06054b50, $end['sig']);
        self::assertSame(2, $end['count']);
        $at = $end['offset'];
        foreach (self::files() as $file) {
            $c = unpack('Vsig/vmade/vneed/vflags/vmethod/vtime/vdate/Vcrc/Vcsize/Vsize/vname/vextra/vcomment/vdisk/vint/Vext/Vlocal', substr($zip, $at, 46));
            self::assertSame(0x02014b50, $c['sig']);
            self::assertSame(0x0800, $c['flags'] & 0x0800);
            self::assertSame(0, $c['method']);
            self::assertSame($file['name'], substr($zip, $at + 46, $c['name']));
            self::assertSame(crc32($file['data']), $c['crc']);
            $local = unpack('Vsig/vneed/vflags/vmethod/vtime/vdate/Vcrc/Vcsize/Vsize/vname/vextra', substr($zip, $c['local'], 30));
            self::assertSame(0x04034b50, $local['sig']);
            self::assertSame($file['data'], substr($zip, $c['local'] + 30 + $local['name'], $local['size']));
            $at += 46 + $c['name'];
        }
        $first = unpack('vtime/vdate', substr($zip, 10, 4));
        self::assertSame(((2026 - 1980) << 9) | (3 << 5) | 5, $first['date']);
        self::assertSame((9 << 11) | (30 << 5) | 8, $first['time']);
    }

    public function testSameFilesSameBytesAndAnEmptyArchive(): void
    {
        self::assertSame(ZipWriter::stored(self::files()), ZipWriter::stored(self::files()));
        self::assertSame("PK\x05\x06" . str_repeat("\0", 18), ZipWriter::stored([]));
    }

    public function testPythonZipfileAcceptsIt(): void
    {
        $python = trim((string) shell_exec('command -v python3'));
        if ($python === '') {
            self::markTestSkipped('python3 is not on the PATH');
        }
        $path = tempnam(sys_get_temp_dir(), 'guichet-zip-');
        file_put_contents($path, ZipWriter::stored(self::files()));
        $out = shell_exec(escapeshellarg($python) . ' -c ' . escapeshellarg('import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print(z.testzip(), "|".join(z.namelist()))') . ' ' . escapeshellarg($path));
        unlink($path);
        self::assertSame("None recu-fiscal-2026-00001.pdf|reçus/récapitulatif 2026.csv\n", $out);
    }
}
