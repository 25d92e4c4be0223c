<?php

declare(strict_types=1);

namespace Guichet\Adapter\Tests\Support;

use Guichet\Adapter\Ports\ArrayReceiptSettings;
use Guichet\Adapter\Ports\FrozenClock;
use Guichet\Adapter\Ports\Logger;
use Guichet\Adapter\Ports\ReceiptStore;
use Guichet\Adapter\Receipts\ReceiptService;
use Guichet\Adapter\Storage\MemoryReceiptStore;
use Guichet\Adapter\Storage\MemoryStorage;

/**
 * A receipts service on in-memory orders and receipts, a frozen clock, a mailbox and a log, with the
 * association's issuer filled in (or not), for the service's tests.
 */
final class ReceiptTestBed implements Logger
{
    public const SECRET = 'receipt-link-secret-0123456789abcdef0123456789';
    public const URL = 'https://asso.example/recu?id={id}&token={token}';

    public MemoryStorage $orders;
    public ReceiptStore $receipts;
    public FrozenClock $clock;
    public ReceiptMailbox $mailbox;
    public ReceiptService $service;
    /** @var array<int, array{0: string, 1: string, 2: array<string, mixed>}> */
    public array $logs = [];

    /** @param array<string, mixed>|null $issuer */
    public function __construct(?array $issuer = null, ?ReceiptStore $receipts = null, string $now = '2026-03-01T09:30:00Z', bool $configured = true)
    {
        $this->orders = new MemoryStorage();
        $this->receipts = $receipts ?? new MemoryReceiptStore();
        $this->clock = new FrozenClock($now);
        $this->mailbox = new ReceiptMailbox();
        $settings = new ArrayReceiptSettings($configured ? ($issuer ?? self::issuer()) : $issuer, self::SECRET, self::URL);
        $this->service = new ReceiptService($this->orders, $this->receipts, $settings, $this->orders, $this->mailbox, $this->clock, $this);
        $this->orders->saveForm(self::form('don-jardin', 'donation'));
        $this->orders->saveForm(self::form('adhesion', 'membership', ['minimumAmount' => 1000]));
        $this->orders->saveForm(self::form('concert', 'tickets'));
    }

    public function log(string $level, string $message, array $context = []): void
    {
        $this->logs[] = [$level, $message, $context];
    }

    /** @return array<string, mixed> */
    public static function issuer(): array
    {
        return [
            'name' => 'Les Amis du Jardin partagé',
            'address' => ['line1' => '3 place Jean-Jaurès', 'postalCode' => '93100', 'city' => 'Montreuil', 'country' => 'FR'],
            'object' => 'Faire vivre un jardin partagé et des ateliers pour les écoles du quartier.',
            'status' => 'general_interest',
            'signatory' => ['name' => 'Claude Petit', 'role' => 'Trésorière'],
        ];
    }

    /**
     * A minimal form of $kind as FormRepository keeps it (only what receipts read).
     * @param array<string, mixed>|null $taxReceipt merged into {enabled: true, scheme: general}; null: none
     * @return array<string, mixed>
     */
    public static function form(string $id, string $kind, ?array $taxReceipt = []): array
    {
        $form = ['id' => $id, 'kind' => $kind, 'currency' => 'EUR', 'title' => ['fr' => $id], 'payment' => ['providers' => ['simulation']]];
        if ($taxReceipt !== null && $kind !== 'tickets') {
            $form['taxReceipt'] = $taxReceipt + ['enabled' => true, 'scheme' => 'general'];
        }
        return $form;
    }

    /**
     * A paid one-off donation as the orders service stores it, with changes (request changes go in 'request').
     * @param array<string, mixed> $changes
     * @return array<string, mixed>
     */
    public static function order(string $id, array $changes = []): array
    {
        $kind = $changes['kind'] ?? 'donation';
        $payer = [
            'email' => 'camille.martin@example.fr',
            'firstName' => 'Camille',
            'lastName' => 'Martin',
            'address' => ['line1' => '8 allée des Tilleuls', 'postalCode' => '93100', 'city' => 'Montreuil', 'country' => 'FR'],
        ];
        $payer = array_replace($payer, $changes['payer'] ?? []);
        $part = $kind === 'membership'
            ? ['tierId' => 'soutien', 'members' => [['firstName' => 'Camille', 'lastName' => 'Martin']], 'taxReceipt' => true]
            : ['amount' => 5000, 'frequency' => empty($changes['recurring']) ? 'once' : 'monthly', 'taxReceipt' => true];
        $request = ['kind' => $kind, 'locale' => $changes['locale'] ?? 'fr', 'payment' => ['provider' => 'simulation'], 'payer' => $payer, $kind => $part];
        $request = array_replace_recursive($request, $changes['request'] ?? []);
        unset($changes['request'], $changes['payer']);
        return array_replace([
            'id' => $id,
            'formId' => $kind === 'membership' ? 'adhesion' : 'don-jardin',
            'kind' => $kind,
            'status' => 'paid',
            'currency' => 'EUR',
            'lines' => [['kind' => 'donation', 'ref' => 'donation', 'label' => 'Don', 'unitAmount' => 5000, 'quantity' => 1, 'amount' => 5000]],
            'total' => 5000,
            'taxEligibleAmount' => 5000,
            'refundedAmount' => 0,
            'recurring' => null,
            'provider' => 'simulation',
            'providerRef' => 'sim_' . $id,
            'paymentRef' => null,
            'subscriptionRef' => null,
            'offlineMethod' => null,
            'payer' => $payer,
            'locale' => 'fr',
            'reference' => 'G-' . strtoupper(substr(md5($id), 0, 8)),
            'promoCode' => null,
            'tokenHash' => hash('sha256', 'token-' . $id),
            'createdAt' => '2026-03-01T09:00:00.000Z',
            'updatedAt' => '2026-03-01T09:00:00.000Z',
            'paidAt' => '2026-03-01T09:01:00.000Z',
            'expiresAt' => null,
            'checkedAt' => null,
            'failureCode' => null,
            'members' => [],
            'tickets' => [],
            'next' => null,
            'history' => [],
            'request' => $request,
        ], $changes);
    }

    /**
     * Stores the order and tells the service it changed, as OrdersContext::notify does.
     * @param array<string, mixed> $order
     */
    public function paid(array $order): void
    {
        if ($this->orders->findOrder($order['id']) === null) {
            $this->orders->insertOrder($order);
        } else {
            $this->orders->updateOrder($order['id'], $order);
        }
        $this->service->onOrderChanged('paid', $order);
    }

    /** Refunds $amount more of the order and tells the service. @return array<string, mixed> the order */
    public function refund(string $orderId, int $amount): array
    {
        $order = (array) $this->orders->findOrder($orderId);
        $order['refundedAmount'] = (int) $order['refundedAmount'] + $amount;
        $full = $order['refundedAmount'] >= (int) $order['total'];
        if ($full) {
            $order['status'] = 'refunded';
        }
        $this->orders->updateOrder($orderId, $order);
        $this->service->onOrderChanged($full ? 'refunded' : 'partially_refunded', $order);
        return $order;
    }
}
