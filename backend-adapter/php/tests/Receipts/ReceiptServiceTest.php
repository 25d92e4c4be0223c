<?php

declare(strict_types=1);

namespace Guichet\Adapter\Tests\Receipts;

use Guichet\Adapter\Ports\ArrayReceiptSettings;
use Guichet\Adapter\Receipts\ReceiptError;
use Guichet\Adapter\Receipts\ReceiptService;
use Guichet\Adapter\Tests\Support\ReceiptTestBed;
use PHPUnit\Framework\TestCase;

/** Issuing, refunds, back-office actions and signed links, on in-memory orders and receipts. */
final class ReceiptServiceTest extends TestCase
{
    /** @return array{id: string, token: string} from the signed URL ReceiptTestBed::URL */
    private static function linkParts(string $url): array
    {
        parse_str((string) parse_url($url, PHP_URL_QUERY), $query);
        return ['id' => (string) $query['id'], 'token' => (string) $query['token']];
    }

    public function testAPaidDonationGetsItsReceiptByEmailWithASignedLink(): void
    {
        $bed = new ReceiptTestBed();
        $bed->paid(ReceiptTestBed::order('ord_1'));

        $receipt = $bed->service->receiptForOrder('ord_1');
        self::assertNotNull($receipt);
        self::assertSame('2026-00001', $receipt['number']);
        self::assertSame('payment', $receipt['kind']);
        self::assertSame('payment:ord_1', $receipt['issueKey']);
        self::assertSame(5000, $receipt['amount']);
        self::assertSame(['ord_1'], $receipt['orderIds']);
        self::assertSame('Camille Martin', $receipt['donorName']);
        self::assertSame('2026-03-01', $receipt['document']['paidOn']);

        self::assertCount(1, $bed->mailbox->sent);
        $mail = $bed->mailbox->sent[0];
        self::assertSame('camille.martin@example.fr', $mail['to']);
        self::assertStringContainsString('Votre reçu fiscal n° 2026-00001', $mail['subject']);
        self::assertStringContainsString('2026-00001', $mail['body']);
        $link = $bed->service->link($receipt);
        self::assertStringContainsString($link, $mail['body']);
        $parts = self::linkParts($link);
        self::assertSame($receipt['id'], $parts['id']);

        $pdf = $bed->service->pdfForLink($parts['id'], $parts['token']);
        self::assertNotNull($pdf);
        self::assertStringStartsWith('%PDF-', $pdf['bytes']);
        self::assertStringContainsString('2026-00001', $pdf['fileName']);
        self::assertSame($pdf, $bed->service->pdf('2026-00001'));
    }

    public function testTheEmailIsInThePayersLanguage(): void
    {
        $bed = new ReceiptTestBed();
        $bed->paid(ReceiptTestBed::order('ord_en', ['locale' => 'en', 'request' => ['locale' => 'en']]));
        self::assertStringContainsString('Your tax receipt 2026-00001', $bed->mailbox->sent[0]['subject']);
        self::assertStringContainsString('€50.00', $bed->mailbox->sent[0]['body']);
    }

    public function testAPaymentToldTwiceIssuesOneReceiptAndOneEmail(): void
    {
        $bed = new ReceiptTestBed();
        $order = ReceiptTestBed::order('ord_1');
        $bed->paid($order);
        $bed->service->onOrderChanged('paid', $order);
        self::assertSame(1, $bed->receipts->countReceipts([]));
        self::assertCount(1, $bed->mailbox->sent);
    }

    public function testAMembershipIsReceiptedForItsGiftPartOnly(): void
    {
        $bed = new ReceiptTestBed();
        $bed->paid(ReceiptTestBed::order('ord_m', ['kind' => 'membership', 'total' => 3000, 'taxEligibleAmount' => 1500]));
        self::assertSame(1500, $bed->service->receiptForOrder('ord_m')['amount']);
    }

    public function testACompanyPayingByChequeGetsAnArticle238BisReceiptInItsName(): void
    {
        $bed = new ReceiptTestBed();
        $bed->paid(ReceiptTestBed::order('ord_c', ['provider' => 'offline', 'offlineMethod' => 'cheque', 'payer' => ['company' => 'Jardins & Cie']]));
        $receipt = $bed->service->receiptForOrder('ord_c');
        self::assertSame('Jardins & Cie', $receipt['donorName']);
        self::assertSame('company', $receipt['document']['variant']);
        self::assertSame(['238 bis'], $receipt['document']['cgiArticles']);
        self::assertSame('cheque', $receipt['document']['paymentMethod']);
    }

    /** @return array<string, array{0: array<string, mixed>}> */
    public function ordersWithoutReceipt(): array
    {
        return [
            'tickets' => [['kind' => 'tickets', 'formId' => 'concert', 'taxEligibleAmount' => 0]],
            'the payer did not ask' => [['request' => ['donation' => ['taxReceipt' => false]]]],
            'below the form minimum' => [['kind' => 'membership', 'total' => 3000, 'taxEligibleAmount' => 900]],
            'nothing eligible' => [['taxEligibleAmount' => 0]],
            'recurring: the annual receipt covers it' => [['recurring' => ['interval' => 'month']]],
            'another currency' => [['currency' => 'CHF']],
            'no postal address' => [['payer' => ['address' => null], 'request' => ['payer' => ['address' => null]]]],
            'not paid' => [['status' => 'pending']],
        ];
    }

    /**
     * @dataProvider ordersWithoutReceipt
     * @param array<string, mixed> $changes
     */
    public function testNoReceiptForOrdersThatEarnNone(array $changes): void
    {
        $bed = new ReceiptTestBed();
        $order = ReceiptTestBed::order('ord_1', $changes);
        if (array_key_exists('address', $changes['payer'] ?? [])) {
            unset($order['payer']['address'], $order['request']['payer']['address']);
        }
        $bed->paid($order);
        self::assertSame(0, $bed->receipts->countReceipts([]));
        self::assertSame([], $bed->mailbox->sent);
        self::assertNull($bed->service->receiptForOrder('ord_1'));
    }

    public function testNoReceiptWhenTheFormIssuesNone(): void
    {
        $bed = new ReceiptTestBed();
        $bed->orders->saveForm(ReceiptTestBed::form('don-jardin', 'donation', null));
        $bed->paid(ReceiptTestBed::order('ord_1'));
        self::assertSame(0, $bed->receipts->countReceipts([]));
    }

    public function testNothingIsIssuedUntilTheIssuerIsFilledInThenTheCatchUpIssuesIt(): void
    {
        $bed = new ReceiptTestBed(null, null, '2026-03-01T09:30:00Z', false);
        $bed->paid(ReceiptTestBed::order('ord_1'));
        $bed->paid(ReceiptTestBed::order('ord_2', ['createdAt' => '2026-02-01T09:00:00.000Z']));
        $bed->paid(ReceiptTestBed::order('ord_t', ['kind' => 'tickets', 'formId' => 'concert']));
        self::assertSame(0, $bed->receipts->countReceipts([]));
        $fields = array_column($bed->service->issuerProblems(), 'field');
        self::assertContains('name', $fields);
        self::assertContains('signatory.name', $fields);

        $filledIn = new ReceiptService($bed->orders, $bed->receipts, new ArrayReceiptSettings(ReceiptTestBed::issuer(), ReceiptTestBed::SECRET, ReceiptTestBed::URL), $bed->orders, $bed->mailbox, $bed->clock, $bed);
        self::assertSame([], $filledIn->issuerProblems());
        $issued = $filledIn->issueMissing(new \DateTimeImmutable('2026-02-15T00:00:00Z'), new \DateTimeImmutable('2026-03-02T00:00:00Z'));
        self::assertSame(['ord_1'], array_merge(...array_column($issued, 'orderIds')), 'only orders created in the range');
        $issued = $filledIn->issueMissing(new \DateTimeImmutable('2026-01-01T00:00:00Z'), new \DateTimeImmutable('2026-12-31T00:00:00Z'));
        self::assertSame(['ord_2'], array_merge(...array_column($issued, 'orderIds')));
        self::assertSame([], $filledIn->issueMissing(new \DateTimeImmutable('2026-01-01T00:00:00Z'), new \DateTimeImmutable('2026-12-31T00:00:00Z')));
        self::assertCount(2, $bed->mailbox->sent);
    }

    public function testAnIncompleteIssuerIsNamedFieldByField(): void
    {
        $issuer = ReceiptTestBed::issuer();
        unset($issuer['signatory']);
        $bed = new ReceiptTestBed($issuer);
        self::assertContains('signatory.name', array_column($bed->service->issuerProblems(), 'field'));
        $bed->paid(ReceiptTestBed::order('ord_1'));
        self::assertSame(0, $bed->receipts->countReceipts([]));
    }

    // Refunds

    public function testAFullRefundCancelsTheReceipt(): void
    {
        $bed = new ReceiptTestBed();
        $bed->paid(ReceiptTestBed::order('ord_1'));
        $bed->refund('ord_1', 5000);

        $cancellation = $bed->receipts->findReceiptByNumber('2026-00002');
        self::assertSame('cancellation', $cancellation['kind']);
        self::assertSame('2026-00001', $cancellation['replaces']);
        self::assertSame('cancel:2026-00001', $cancellation['issueKey']);
        self::assertSame(5000, $cancellation['amount'], 'a cancellation states the amount it cancels');
        self::assertSame(['number' => '2026-00001', 'reason' => 'cancellation'], $cancellation['document']['replaces']);
        self::assertNull($bed->service->receiptForOrder('ord_1'));
        self::assertCount(2, $bed->mailbox->sent);
        self::assertStringContainsString('Reçu fiscal 2026-00001 annulé', $bed->mailbox->sent[1]['subject']);
    }

    public function testAPartialRefundCorrectsTheReceiptThenTheRestCancelsTheCorrection(): void
    {
        $bed = new ReceiptTestBed();
        $bed->paid(ReceiptTestBed::order('ord_1'));
        $bed->refund('ord_1', 2000);

        $correction = $bed->service->receiptForOrder('ord_1');
        self::assertSame('2026-00002', $correction['number']);
        self::assertSame('correction', $correction['kind']);
        self::assertSame('2026-00001', $correction['replaces']);
        self::assertSame(3000, $correction['amount']);
        self::assertSame('2026-03-01', $correction['document']['paidOn']);
        self::assertStringContainsString('rectifié', $bed->mailbox->sent[1]['subject']);

        $bed->refund('ord_1', 3000);
        self::assertNull($bed->service->receiptForOrder('ord_1'));
        self::assertSame('2026-00002', $bed->receipts->findReceiptByNumber('2026-00003')['replaces']);
    }

    public function testARefundOfTheMembershipFeeLeavesTheGiftPartAlone(): void
    {
        $bed = new ReceiptTestBed();
        $bed->paid(ReceiptTestBed::order('ord_m', ['kind' => 'membership', 'total' => 3000, 'taxEligibleAmount' => 1500]));
        $bed->refund('ord_m', 1000);
        self::assertSame('2026-00002', $bed->service->receiptForOrder('ord_m')['number']);
        self::assertSame(500, $bed->service->receiptForOrder('ord_m')['amount']);
    }

    public function testARefundReplayedChangesNothingMore(): void
    {
        $bed = new ReceiptTestBed();
        $bed->paid(ReceiptTestBed::order('ord_1'));
        $order = $bed->refund('ord_1', 2000);
        $bed->service->onOrderChanged('partially_refunded', $order);
        self::assertSame(2, $bed->receipts->countReceipts([]));
        self::assertCount(2, $bed->mailbox->sent);
    }

    public function testTwoRefundsToldOutOfOrderEndOnTheAmountLeftAfterBoth(): void
    {
        $bed = new ReceiptTestBed();
        $bed->paid(ReceiptTestBed::order('ord_1'));
        $first = (array) $bed->orders->findOrder('ord_1');
        $first['refundedAmount'] = 2000;
        $bed->orders->updateOrder('ord_1', ['refundedAmount' => 3000]);
        // The listener of the first refund runs after the second was recorded, with the first's snapshot.
        $bed->service->onOrderChanged('partially_refunded', $first);
        self::assertSame(2000, $bed->service->receiptForOrder('ord_1')['amount']);
        $bed->service->onOrderChanged('partially_refunded', (array) $bed->orders->findOrder('ord_1'));
        self::assertSame(2, $bed->receipts->countReceipts([]), 'one correction, straight to what is left');
    }

    // Back-office

    public function testTheTreasurerCancelsAReceiptOnce(): void
    {
        $bed = new ReceiptTestBed();
        $bed->paid(ReceiptTestBed::order('ord_1'));
        $cancellation = $bed->service->cancel('2026-00001');
        self::assertSame('2026-00002', $cancellation['number']);
        self::assertSame('cancellation', $cancellation['kind']);
        self::assertSame('receipt_replaced', self::refusal(function () use ($bed): void {
            $bed->service->cancel('2026-00001');
        }));
        self::assertSame('receipt_is_cancellation', self::refusal(function () use ($bed): void {
            $bed->service->cancel('2026-00002');
        }));
        self::assertSame('receipt_not_found', self::refusal(function () use ($bed): void {
            $bed->service->cancel('2026-00042');
        }));
    }

    public function testTheTreasurerCorrectsTheDonorsAddress(): void
    {
        $bed = new ReceiptTestBed();
        $bed->paid(ReceiptTestBed::order('ord_1'));
        $donor = ['type' => 'individual', 'firstName' => 'Camille', 'lastName' => 'Martin-Durand', 'address' => ['line1' => '1 rue Neuve', 'postalCode' => '75011', 'city' => 'Paris', 'country' => 'FR']];
        $correction = $bed->service->correct('2026-00001', $donor);
        self::assertSame('correction', $correction['kind']);
        self::assertSame('2026-00001', $correction['replaces']);
        self::assertSame(5000, $correction['amount']);
        self::assertSame('Camille Martin-Durand', $correction['donorName']);
        self::assertSame('Paris', $correction['document']['donor']['address']['city']);
        self::assertSame($correction, $bed->service->receiptForOrder('ord_1'));

        try {
            $bed->service->correct('2026-00002', ['type' => 'individual', 'firstName' => 'Camille', 'lastName' => '', 'address' => []]);
            self::fail('an incomplete donor is refused');
        } catch (ReceiptError $e) {
            self::assertSame('invalid_donor', $e->reason);
            self::assertContains('lastName', array_column($e->errors, 'field'));
            self::assertContains('address.city', array_column($e->errors, 'field'));
        }
    }

    public function testWithTheIssuerEmptiedACancellationStillNamesTheAssociationButNoCorrectionIsIssued(): void
    {
        $bed = new ReceiptTestBed();
        $bed->paid(ReceiptTestBed::order('ord_1'));
        $bed->paid(ReceiptTestBed::order('ord_2'));
        $emptied = new ReceiptService($bed->orders, $bed->receipts, new ArrayReceiptSettings(null, ReceiptTestBed::SECRET, ReceiptTestBed::URL), $bed->orders, $bed->mailbox, $bed->clock, $bed);
        $cancellation = $emptied->cancel('2026-00001');
        self::assertSame('Les Amis du Jardin partagé', $cancellation['document']['beneficiary']['name']);
        self::assertSame('Claude Petit', $cancellation['document']['signatory']['name']);
        self::assertSame('issuer_not_configured', self::refusal(function () use ($emptied): void {
            $emptied->correct('2026-00002', ['type' => 'company', 'name' => 'Jardins SARL', 'address' => ['line1' => '1 rue Neuve', 'postalCode' => '75011', 'city' => 'Paris', 'country' => 'FR']]);
        }));
        self::assertSame(3, $bed->receipts->countReceipts([]));
    }

    public function testAReceiptIsSentAgainWithTheSameLink(): void
    {
        $bed = new ReceiptTestBed();
        $bed->paid(ReceiptTestBed::order('ord_1'));
        self::assertTrue($bed->service->resend('2026-00001'));
        self::assertCount(2, $bed->mailbox->sent);
        self::assertSame($bed->mailbox->sent[0]['body'], $bed->mailbox->sent[1]['body']);
        self::assertFalse($bed->service->resend('2026-00009'));
        $bed->mailbox->working = false;
        self::assertFalse($bed->service->resend('2026-00001'));
    }

    public function testAWrongTokenOrAnUnknownIdGetsNoPdf(): void
    {
        $bed = new ReceiptTestBed();
        $bed->paid(ReceiptTestBed::order('ord_1'));
        $bed->paid(ReceiptTestBed::order('ord_2'));
        $first = self::linkParts($bed->service->link($bed->service->receiptForOrder('ord_1')));
        $second = self::linkParts($bed->service->link($bed->service->receiptForOrder('ord_2')));
        self::assertNull($bed->service->pdfForLink($first['id'], $second['token']));
        self::assertNull($bed->service->pdfForLink($first['id'], ''));
        self::assertNull($bed->service->pdfForLink('rcp_000000000000000000000000', $first['token']));
        self::assertNull($bed->service->pdf('2026-00042'));
        self::assertNotNull($bed->service->pdfForLink($second['id'], $second['token']));
    }

    public function testNoSecretOrLinkReachesTheLog(): void
    {
        $bed = new ReceiptTestBed();
        $bed->paid(ReceiptTestBed::order('ord_1'));
        $bed->refund('ord_1', 5000);
        $token = self::linkParts((string) $bed->mailbox->lastLink())['token'];
        $logged = json_encode($bed->logs);
        self::assertStringNotContainsString($token, (string) $logged);
        self::assertStringNotContainsString(ReceiptTestBed::SECRET, (string) $logged);
    }

    private static function refusal(callable $action): string
    {
        try {
            $action();
        } catch (ReceiptError $e) {
            return $e->reason;
        }
        return 'accepted';
    }
}
