<?php

declare(strict_types=1);

namespace Guichet\Adapter\Receipts;

use Guichet\Adapter\Domain\Instant;
use Guichet\Adapter\Domain\Receipts\AnnualSummaries;
use Guichet\Adapter\Domain\Receipts\ReceiptDates;
use Guichet\Adapter\Domain\Receipts\ReceiptDocuments;
use Guichet\Adapter\Domain\Receipts\ReceiptLinks;
use Guichet\Adapter\Ports\Clock;
use Guichet\Adapter\Ports\FormRepository;
use Guichet\Adapter\Ports\Logger;
use Guichet\Adapter\Ports\Mailer;
use Guichet\Adapter\Ports\ReceiptSettings;
use Guichet\Adapter\Ports\ReceiptStore;
use Guichet\Adapter\Ports\Storage;

/**
 * Tax receipts end to end for a PHP host (docs/receipts.md): issued when a one-off gift is paid, cancelled or
 * corrected when it is refunded, summed once a year for recurring gifts, sent by e-mail with a signed link,
 * listed, exported and verified for the treasurer. Every issue goes through the store under an issueKey, so
 * calling any of these twice (a replayed webhook, a cron run twice) issues nothing more.
 */
final class ReceiptService
{
    private const PAGE = 200;

    private Storage $orders;
    private ReceiptStore $receipts;
    private ReceiptSettings $settings;
    private FormRepository $forms;
    private Mailer $mailer;
    private Clock $clock;
    private Logger $log;
    private ReceiptLedger $ledger;

    public function __construct(Storage $orders, ReceiptStore $receipts, ReceiptSettings $settings, FormRepository $forms, Mailer $mailer, Clock $clock, Logger $log)
    {
        $this->orders = $orders;
        $this->receipts = $receipts;
        $this->settings = $settings;
        $this->forms = $forms;
        $this->mailer = $mailer;
        $this->clock = $clock;
        $this->log = $log;
        $this->ledger = new ReceiptLedger($receipts, $clock);
    }

    /**
     * The OrdersContext listener: `$ctx->onChange([$service, 'onOrderChanged'])`. 'paid' issues the receipt,
     * 'refunded' cancels it, 'partially_refunded' corrects it to the amount left.
     * @param array<string, mixed> $order
     */
    public function onOrderChanged(string $event, array $order): void
    {
        if ($event === 'paid') {
            $this->issueForOrder($order);
        } elseif ($event === 'refunded' || $event === 'partially_refunded') {
            $this->followRefund($order);
        }
    }

    /**
     * The order's current receipt: the latest naming it that no later receipt replaces (a cancelled one is
     * gone: null). An annual receipt counts for each of its orders.
     * @return array<string, mixed>|null
     */
    public function receiptForOrder(string $orderId): ?array
    {
        $receipts = $this->receipts->listReceipts(['orderId' => $orderId], 1000, 0);
        $replaced = [];
        foreach ($receipts as $receipt) {
            if ($receipt['replaces'] !== null) {
                $replaced[$receipt['replaces']] = true;
            }
        }
        $current = null;
        foreach ($receipts as $receipt) {
            if ($receipt['kind'] !== 'cancellation' && !isset($replaced[$receipt['number']])) {
                $current = $receipt;
            }
        }
        return $current;
    }

    /**
     * Catch-up: issues the receipts that paid one-off orders created in [$from, $to) should have (the issuer
     * was not filled in then, the mail server was down…). Returns the receipts issued now.
     * @return array<int, array<string, mixed>>
     */
    public function issueMissing(\DateTimeImmutable $from, \DateTimeImmutable $to): array
    {
        $issued = [];
        $filter = ['status' => 'paid', 'from' => Instant::format($from), 'to' => Instant::format($to)];
        foreach ($this->allOrders($filter) as $order) {
            $receipt = $this->issueForOrder($order);
            if ($receipt !== null) {
                $issued[] = $receipt;
            }
        }
        return $issued;
    }

    /**
     * One receipt per donor (by e-mail) for the debits of their recurring gifts paid in $year, for a host's
     * January job. Only once the year is over; running it again issues nothing more.
     * @return array<int, array<string, mixed>>
     */
    public function issueAnnual(int $year): array
    {
        $now = $this->clock->now();
        if ($year >= ReceiptDates::year($now)) {
            $this->log->log('warning', 'annual receipts are issued once the year is over', ['year' => $year]);
            return [];
        }
        $issuer = $this->issuer();
        if ($issuer === null) {
            return [];
        }
        $orders = [];
        $forms = [];
        foreach (['donation', 'membership'] as $kind) {
            foreach ($this->allOrders(['kind' => $kind]) as $order) {
                if (empty($order['recurring'])) {
                    continue;
                }
                $form = $forms[$order['formId']] ?? ($forms[$order['formId']] = $this->forms->findForm((string) $order['formId']));
                if (ReceiptEligibility::asked($order, $form)) {
                    $orders[$order['id']] = $order + [
                        'email' => (string) ($order['payer']['email'] ?? ''),
                        'debits' => AnnualSummaries::recurringDebits($order, (array) ($order['history'] ?? [])),
                    ];
                }
            }
        }
        $issued = [];
        foreach (AnnualSummaries::forYear(array_values($orders), $year) as $summary) {
            $first = $orders[$summary['orderIds'][0]];
            $method = ReceiptDocuments::paymentMethod((string) $first['provider'], $first['offlineMethod'] ?? null);
            $draft = ReceiptDrafts::annual($year, $summary, $method, $issuer, $now);
            if ($draft === null) {
                $this->log->log('warning', 'no annual receipt without a postal address', ['orderId' => $first['id']]);
                continue;
            }
            $receipt = $this->issue($draft, (string) ($first['locale'] ?? 'fr'));
            if ($receipt !== null) {
                $issued[] = $receipt;
            }
        }
        return $issued;
    }

    /**
     * The treasurer cancels a receipt (the gift was given back outside Guichet…): a cancellation receipt
     * naming it, sent to the donor. Returns the cancellation.
     * @return array<string, mixed>
     * @throws ReceiptError
     */
    public function cancel(string $number): array
    {
        return $this->replace('cancellation', $this->replaceable($number), null, null)['receipt'];
    }

    /**
     * The treasurer corrects the donor's name or address: a correction receipt with the new donor ("annule
     * et remplace"), sent to the donor. Returns the correction.
     * @param array<string, mixed> $donor a ReceiptDonor
     * @return array<string, mixed>
     * @throws ReceiptError
     */
    public function correct(string $number, array $donor): array
    {
        $errors = self::donorProblems($donor);
        if ($errors !== []) {
            throw new ReceiptError('invalid_donor', 'The donor is incomplete', $errors);
        }
        $issued = $this->replace('correction', $this->replaceable($number), $donor, null);
        if (!$issued['created'] && $issued['receipt']['document']['donor'] != $donor) {
            // Someone else corrected it first (a refund, another tab): say so rather than show their figures.
            throw new ReceiptError('receipt_replaced', 'Receipt ' . $number . ' was corrected meanwhile');
        }
        return $issued['receipt'];
    }

    /** Sends the receipt's e-mail again (the donor lost it). False: unknown number, or the host could not send. */
    public function resend(string $number): bool
    {
        $receipt = $this->receipts->findReceiptByNumber($number);
        return $receipt !== null && $this->send($receipt, $this->localeOf($receipt));
    }

    /**
     * The PDF behind a signed link (the donor's download, no login): null for an unknown id or a wrong token,
     * alike, so ids cannot be probed.
     * @return array{fileName: string, bytes: string}|null
     */
    public function pdfForLink(string $id, string $token): ?array
    {
        if (!ReceiptLinks::verify($this->settings->receiptLinkSecret(), $id, $token)) {
            return null;
        }
        $receipt = $this->receipts->findReceipt($id);
        return $receipt === null ? null : ReceiptLedger::file($receipt);
    }

    /**
     * The PDF for the back-office (the host checks the treasurer's rights first).
     * @return array{fileName: string, bytes: string}|null
     */
    public function pdf(string $number): ?array
    {
        return $this->ledger->pdf($number);
    }

    /** The signed link to a receipt's PDF, as the e-mail and GET orders/{id} give it. @param array<string, mixed> $receipt */
    public function link(array $receipt): string
    {
        $id = (string) $receipt['id'];
        return $this->settings->receiptUrl($id, ReceiptLinks::token($this->settings->receiptLinkSecret(), $id));
    }

    /**
     * What the issuer settings lack or get wrong, as {code, field, params?} (Domain\Receipts\ReceiptDocuments::
     * validateIssuer); empty when receipts can be issued. The back-office shows these.
     * @return array<int, array<string, mixed>>
     */
    public function issuerProblems(): array
    {
        $issuer = $this->settings->receiptIssuer();
        return ReceiptDocuments::validateIssuer($issuer ?? []);
    }

    // The treasurer's year (ReceiptLedger): kept here so a host wires one object.

    /** @return array<string, mixed> the art. 222 bis figures of $year (ReceiptLedger::totals) */
    public function totals(int $year): array
    {
        return $this->ledger->totals($year);
    }

    /** @return array{total: int, receipts: array<int, array<string, mixed>>} (ReceiptLedger::list) */
    public function list(int $year, int $limit, int $offset): array
    {
        return $this->ledger->list($year, $limit, $offset);
    }

    public function exportCsv(int $year, string $locale): string
    {
        return $this->ledger->exportCsv($year, $locale);
    }

    public function exportZip(int $year): string
    {
        return $this->ledger->exportZip($year);
    }

    /** @return array<string, mixed> (ReceiptLedger::verify) */
    public function verify(): array
    {
        return $this->ledger->verify();
    }

    // Issuing

    /**
     * Issues a paid one-off order's receipt if it earns one; null when it earns none or already had it.
     * @param array<string, mixed> $order
     * @return array<string, mixed>|null the receipt issued now
     */
    private function issueForOrder(array $order): ?array
    {
        $amount = ReceiptEligibility::oneOffAmount($order, $this->forms->findForm((string) $order['formId']));
        if ($amount === null) {
            return null;
        }
        $issuer = $this->issuer();
        if ($issuer === null) {
            return null;
        }
        $draft = ReceiptDrafts::payment($order, $amount, $issuer, $this->clock->now());
        if ($draft === null) {
            $this->log->log('warning', 'no tax receipt without a postal address', ['orderId' => $order['id']]);
            return null;
        }
        return $this->issue($draft, (string) ($order['locale'] ?? 'fr'));
    }

    /** @param array<string, mixed> $order */
    private function followRefund(array $order): void
    {
        // The order as stored now: two refunds told at once must end on the amount left after both.
        $order = $this->orders->findOrder((string) $order['id']) ?? $order;
        $left = ReceiptEligibility::amount($order);
        // Another worker may replace the same receipt meanwhile (its issueKey then answers with its figures):
        // look again and replace that one, a few times at most.
        for ($attempt = 0; $attempt < 3; $attempt++) {
            $current = $this->receiptForOrder((string) $order['id']);
            if ($current === null || $left >= (int) $current['amount']) {
                return;
            }
            if ($current['kind'] === 'annual') {
                // One refunded debit does not undo a year's summary by itself: the treasurer corrects it by hand.
                $this->log->log('warning', 'refund on an order with an annual receipt: check it', ['orderId' => $order['id'], 'number' => $current['number']]);
                return;
            }
            try {
                $this->replace($left === 0 ? 'cancellation' : 'correction', $current, null, $left === 0 ? null : $left);
            } catch (ReceiptError $e) {
                // Replaced by someone else meanwhile: look again.
            }
        }
    }

    /**
     * @param array<string, mixed> $old
     * @param array<string, mixed>|null $donor
     * @return array{receipt: array<string, mixed>, created: bool}
     */
    private function replace(string $kind, array $old, ?array $donor, ?int $amount): array
    {
        $issuer = $this->issuer(false);
        if ($issuer === null) {
            if ($kind !== 'cancellation') {
                throw new ReceiptError('issuer_not_configured', 'The receipt issuer settings are incomplete');
            }
            $issuer = ReceiptDrafts::issuerOf($old);
        }
        $draft = ReceiptDrafts::replacement($kind, $old, $issuer, $this->clock->now(), $donor, $amount);
        try {
            $issued = $this->receipts->issueReceipt($draft);
        } catch (\Throwable $e) {
            // A store that allows one replacement per number (SqliteReceiptStore) refused a second one.
            if ($this->receipts->countReceipts(['replaces' => (string) $old['number']]) > 0) {
                throw new ReceiptError('receipt_replaced', 'Receipt ' . $old['number'] . ' was replaced meanwhile');
            }
            throw $e;
        }
        if ($issued['created']) {
            $this->log->log('info', 'tax receipt issued', ['number' => $issued['receipt']['number'], 'kind' => $kind, 'replaces' => $old['number']]);
            if ($this->receipts->countReceipts(['replaces' => (string) $old['number']]) > 1) {
                // A cancellation and a correction raced on a store that does not refuse the second.
                $this->log->log('error', 'tax receipt replaced twice: the treasurer should check it', ['number' => $old['number']]);
            }
            $this->send($issued['receipt'], $this->localeOf($issued['receipt']));
        }
        return $issued;
    }

    /**
     * @param array<string, mixed> $draft
     * @return array<string, mixed>|null the receipt, when issued now (and e-mailed)
     */
    private function issue(array $draft, string $locale): ?array
    {
        $issued = $this->receipts->issueReceipt($draft);
        if (!$issued['created']) {
            return null;
        }
        $receipt = $issued['receipt'];
        $this->log->log('info', 'tax receipt issued', ['number' => $receipt['number'], 'kind' => $receipt['kind'], 'orderId' => implode(' ', $receipt['orderIds'])]);
        $this->send($receipt, $locale);
        return $receipt;
    }

    /**
     * The issuer when its settings are complete; null (and a note in the log) otherwise.
     * @return array<string, mixed>|null
     */
    private function issuer(bool $note = true): ?array
    {
        $issuer = $this->settings->receiptIssuer();
        if ($issuer === null || ReceiptDocuments::validateIssuer($issuer) !== []) {
            if ($note) {
                $this->log->log('info', 'tax receipt not issued: the issuer settings are incomplete');
            }
            return null;
        }
        return $issuer;
    }

    /**
     * @return array<string, mixed>
     * @throws ReceiptError
     */
    private function replaceable(string $number): array
    {
        $receipt = $this->receipts->findReceiptByNumber($number);
        if ($receipt === null) {
            throw new ReceiptError('receipt_not_found', 'No receipt ' . $number);
        }
        if ($receipt['kind'] === 'cancellation') {
            throw new ReceiptError('receipt_is_cancellation', 'Receipt ' . $number . ' is a cancellation');
        }
        if ($this->receipts->countReceipts(['replaces' => $number]) > 0) {
            throw new ReceiptError('receipt_replaced', 'Receipt ' . $number . ' was already corrected or cancelled');
        }
        return $receipt;
    }

    /** @param array<string, mixed> $receipt */
    private function send(array $receipt, string $locale): bool
    {
        $mail = ReceiptEmail::compose($receipt, $this->link($receipt), $locale);
        $sent = $this->mailer->send((string) $receipt['email'], $mail['subject'], $mail['body']);
        if (!$sent) {
            $this->log->log('warning', 'tax receipt e-mail not sent', ['number' => $receipt['number']]);
        }
        return $sent;
    }

    /** The language of the receipt's first order (its payer's), French otherwise. @param array<string, mixed> $receipt */
    private function localeOf(array $receipt): string
    {
        $order = isset($receipt['orderIds'][0]) ? $this->orders->findOrder((string) $receipt['orderIds'][0]) : null;
        return ($order['locale'] ?? 'fr') === 'en' ? 'en' : 'fr';
    }

    // Reading

    /**
     * @param array<string, string> $filter
     * @return \Generator<array<string, mixed>>
     */
    private function allOrders(array $filter): \Generator
    {
        for ($offset = 0; ; $offset += self::PAGE) {
            $page = $this->orders->listOrders($filter, self::PAGE, $offset);
            foreach ($page as $order) {
                yield $order;
            }
            if (count($page) < self::PAGE) {
                return;
            }
        }
    }

    /**
     * What a treasurer's donor lacks: {code, field} like the domain's errors.
     * @param array<string, mixed> $donor
     * @return array<int, array<string, string>>
     */
    private static function donorProblems(array $donor): array
    {
        $type = $donor['type'] ?? null;
        $required = $type === 'company' ? ['name'] : ($type === 'individual' ? ['firstName', 'lastName'] : []);
        $errors = $required === [] ? [['code' => 'required', 'field' => 'type']] : [];
        foreach ($required as $field) {
            if (!is_string($donor[$field] ?? null) || trim($donor[$field]) === '') {
                $errors[] = ['code' => 'required', 'field' => $field];
            }
        }
        foreach (['line1', 'postalCode', 'city', 'country'] as $field) {
            if (!is_string($donor['address'][$field] ?? null) || trim($donor['address'][$field]) === '') {
                $errors[] = ['code' => 'required', 'field' => 'address.' . $field];
            }
        }
        return $errors;
    }
}
