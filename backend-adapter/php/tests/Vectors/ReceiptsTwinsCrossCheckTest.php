<?php

declare(strict_types=1);

namespace Guichet\Adapter\Tests\Vectors;

use Guichet\Adapter\Domain\Receipts\AmountInWords;
use Guichet\Adapter\Domain\Receipts\ReceiptChain;
use Guichet\Adapter\Domain\Receipts\ReceiptDates;
use Guichet\Adapter\Domain\Receipts\ReceiptDocuments;
use Guichet\Adapter\Tests\Support\Node;
use PHPUnit\Framework\TestCase;

/**
 * Beyond the hand-written vectors: thousands of generated inputs through both twins (the TypeScript one run
 * by Node), so a spelling, a date or a hashed byte that differs anywhere shows up.
 */
final class ReceiptsTwinsCrossCheckTest extends TestCase
{
    protected function setUp(): void
    {
        if (!Node::available()) {
            self::markTestSkipped('node (with tsx in node_modules) is needed for the TypeScript cross-check');
        }
    }

    /** A fixed pseudo-random series (LCG), the same on every run. @return int[] */
    private static function series(int $count, int $max, int $seed): array
    {
        $out = [];
        $state = $seed;
        for ($i = 0; $i < $count; $i++) {
            $state = ($state * 1103515245 + 12345) % 2147483648;
            $out[] = (int) floor($state / 2147483648 * $max);
        }
        return $out;
    }

    public function testAmountsInWordsAreSpelledTheSame(): void
    {
        $amounts = array_merge(range(0, 2500), range(9900, 10100), self::series(1500, 100000000, 7),
            self::series(500, 100000000000000, 11));
        $source = <<<'TS'
import { readFileSync } from 'node:fs';
import { amountInWords } from '@repo/backend-adapter/src/domain/receipts/amount-in-words.ts';
const amounts: number[] = JSON.parse(readFileSync(0, 'utf8'));
process.stdout.write(JSON.stringify(amounts.map((a) => amountInWords(a, 'EUR'))));
TS;
        $expected = json_decode(Node::evaluate($source, $amounts), true);
        $actual = array_map(static function (int $a): string {
            return AmountInWords::french($a, 'EUR');
        }, $amounts);
        self::assertSame($expected, $actual);
    }

    public function testParisDatesAgreeAcrossYearsAndTimeChanges(): void
    {
        // Every 37 minutes and a bit over 2020–2030, plus each hour around the changes of 2026.
        $instants = array_map(static function (int $offset): string {
            return gmdate('Y-m-d\TH:i:s.000\Z', 1577836800 + $offset);
        }, array_merge(self::series(3000, 347155200, 3), range(0, 86400 * 4, 1800)));
        $source = <<<'TS'
import { readFileSync } from 'node:fs';
import { parisDate } from '@repo/backend-adapter/src/domain/receipts/receipt-dates.ts';
const instants: string[] = JSON.parse(readFileSync(0, 'utf8'));
process.stdout.write(JSON.stringify(instants.map((at) => parisDate(new Date(at)))));
TS;
        $expected = json_decode(Node::evaluate($source, $instants), true);
        $actual = array_map([ReceiptDates::class, 'day'], $instants);
        self::assertSame($expected, $actual);
    }

    public function testBuiltDocumentsHashTheSame(): void
    {
        $names = ["Zoé", "O'Brien", 'Dupont "le jeune"', 'A/B \\ C', "Ünïcødé ✓", "😀 Emoji", "Tab\there", "L\u{2028}S"];
        $inputs = [];
        foreach (self::series(60, 1000000000, 5) as $i => $amount) {
            $name = $names[$i % count($names)];
            $company = $i % 3 === 0;
            $inputs[] = [
                'request' => ['payer' => array_filter([
                    'email' => 'donor' . $i . '@example.org', 'firstName' => $name, 'lastName' => 'Nom ' . $i,
                    'company' => $company ? $name . ' SARL' : null,
                    'address' => ['line1' => $i . ' rue ' . $name, 'postalCode' => '75001', 'city' => 'Paris', 'country' => 'FR'],
                ])],
                'issuer' => ['name' => 'Asso ' . $name, 'address' => ['line1' => '1 rue', 'line2' => $i % 2 ? 'BP ' . $i : '', 'postalCode' => '69001', 'city' => 'Lyon', 'country' => 'FR'],
                    'object' => 'Objet « ' . $name . ' »', 'status' => $i % 2 ? 'public_utility' : 'general_interest', 'statusDetail' => $i % 2 ? 'Décret du 1er mai' : '',
                    'signatory' => ['name' => 'Anne', 'role' => 'Trésorière']],
                'amount' => $amount,
                'paidAt' => gmdate('Y-m-d\TH:i:s.000\Z', 1735689600 + $amount % 31536000),
                'issuedAt' => gmdate('Y-m-d\TH:i:s.000\Z', 1767225600 + $amount % 31536000),
                'method' => ['stripe', 'offline'][$i % 2],
                'offline' => [null, 'cheque', 'cash', 'transfer'][$i % 4],
                'position' => $i + 1,
            ];
        }
        $source = <<<'TS'
import { readFileSync } from 'node:fs';
import { buildReceiptDocument, receiptDonor, receiptPaymentMethod } from '@repo/backend-adapter/src/domain/receipts/receipt-document.ts';
import { GENESIS_HASH, receiptHash } from '@repo/backend-adapter/src/domain/receipts/receipt-chain.ts';
import { formatReceiptNumber } from '@repo/backend-adapter/src/domain/receipts/receipt-number.ts';
import { receiptYear } from '@repo/backend-adapter/src/domain/receipts/receipt-dates.ts';
const r = { buildReceiptDocument, receiptDonor, receiptPaymentMethod, GENESIS_HASH, receiptHash, formatReceiptNumber, receiptYear };
const inputs = JSON.parse(readFileSync(0, 'utf8'));
let prev = r.GENESIS_HASH;
const out = inputs.map((i: any) => {
  const donor = r.receiptDonor(i.request);
  const document = r.buildReceiptDocument({ issuer: i.issuer, donor: donor!, amount: i.amount, currency: 'EUR',
    paidOn: new Date(i.paidAt), paymentMethod: r.receiptPaymentMethod(i.method, i.offline),
    issuedAt: new Date(i.issuedAt) });
  const record = { amount: i.amount, currency: 'EUR' as const, document, email: i.request.payer.email,
    issueKey: `payment:${i.position}`, issuedAt: new Date(i.issuedAt), kind: 'payment' as const,
    number: r.formatReceiptNumber({ year: r.receiptYear(new Date(i.issuedAt)), sequence: i.position }),
    orderIds: [`ord_${i.position}`], position: i.position, replaces: null };
  prev = r.receiptHash(prev, record);
  return prev;
});
process.stdout.write(JSON.stringify(out));
TS;
        $expected = json_decode(Node::evaluate($source, $inputs), true);
        $prev = ReceiptChain::GENESIS_HASH;
        $actual = [];
        foreach ($inputs as $i) {
            $document = ReceiptDocuments::build([
                'issuer' => $i['issuer'], 'donor' => ReceiptDocuments::donor($i['request']), 'amount' => $i['amount'],
                'currency' => 'EUR', 'paidOn' => new \DateTimeImmutable($i['paidAt']),
                'paymentMethod' => ReceiptDocuments::paymentMethod($i['method'], $i['offline']), 'issuedAt' => $i['issuedAt'],
            ]);
            $prev = ReceiptChain::hash($prev, [
                'amount' => $i['amount'], 'currency' => 'EUR', 'document' => $document, 'email' => $i['request']['payer']['email'],
                'issueKey' => 'payment:' . $i['position'], 'issuedAt' => $i['issuedAt'], 'kind' => 'payment',
                'number' => sprintf('%d-%05d', ReceiptDates::year($i['issuedAt']), $i['position']),
                'orderIds' => ['ord_' . $i['position']], 'position' => $i['position'], 'replaces' => null,
            ]);
            $actual[] = $prev;
        }
        self::assertSame($expected, $actual);
    }
}
