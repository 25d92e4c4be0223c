<?php

declare(strict_types=1);

namespace Guichet\Adapter\Orders;

use Guichet\Adapter\Domain\Instant;
use Guichet\Adapter\Domain\OrderContext;
use Guichet\Adapter\Domain\Pricing\Pricing;
use Guichet\Adapter\Domain\Pricing\Promo;
use Guichet\Adapter\Domain\Reservations;
use Guichet\Adapter\Domain\Text;
use Guichet\Adapter\Protocol\FieldError;
use Guichet\Adapter\Protocol\ProtocolError;
use Guichet\Adapter\Providers\PaymentProvider;
use Guichet\Adapter\Providers\PaymentRequest;
use Guichet\Adapter\Providers\ProviderCommand;
use Guichet\Adapter\Providers\ProviderError;
use Guichet\Adapter\Providers\ProviderEvent;

/**
 * POST {base}/forms/{id}/orders (orders/create-order.ts): the server's own price, the seats held and the order
 * stored in one transaction, then the provider asked to start the payment. When the provider fails, the order
 * is marked failed and its seats released; nothing is charged.
 */
final class CreateOrder
{
    /** How long an offline ticket order keeps its seats while the cheque or transfer is on its way. */
    public const OFFLINE_HOLD_DAYS = 14;
    /** A card payment nobody finished stops holding anything after a day. */
    private const UNFINISHED_PAYMENT_HOURS = 24;
    /** How long a retry waits for the first request with the same key to finish talking to the provider. */
    private const IN_FLIGHT_WAIT_SECONDS = 10;

    /**
     * @param array<string, mixed> $request an OrderRequest whose shape was checked (Http\RequestShape)
     * @return array<string, mixed> OrderCreated
     */
    public static function run(OrdersContext $ctx, string $formId, array $request, ?string $idempotencyKey): array
    {
        $form = $ctx->forms->findForm($formId);
        if ($form === null) {
            throw new ProtocolError('form_not_found');
        }
        $requestHash = Secrets::sha256(Secrets::canonicalJson(['formId' => $formId, 'request' => $request]));
        if ($idempotencyKey !== null) {
            $replay = self::previousAnswer($ctx, $idempotencyKey, $requestHash);
            if ($replay !== null) {
                return $replay;
            }
        }

        $now = $ctx->clock->now();
        $quote = self::price($ctx, $form, $request, $now);
        $providerId = (string) $request['payment']['provider'];
        $provider = $ctx->provider($providerId);
        if ($provider === null || !in_array($providerId, $form['payment']['providers'], true)) {
            throw ProtocolError::validation([new FieldError('provider_not_available', 'payment.provider')]);
        }

        $token = Secrets::newStatusToken();
        $order = self::newOrderRecord($form, $request, $quote, $now, Secrets::sha256($token));
        $claimed = $ctx->storage->transaction(static function () use ($ctx, $order, $quote, $form, $request, $idempotencyKey, $requestHash, $now): bool {
            if ($idempotencyKey !== null && !$ctx->storage->claimIdempotencyKey($idempotencyKey, $requestHash, $now)) {
                return false;
            }
            $ctx->storage->insertOrder($order);
            if ($quote['reservations'] !== []) {
                $items = [];
                foreach ($quote['reservations'] as $reservation) {
                    $type = self::ticketType($form, $reservation['typeId']);
                    $items[$reservation['typeId']] = ['quantity' => $reservation['quantity'], 'quota' => isset($type['quota']) ? (int) $type['quota'] : null];
                }
                $shortfalls = $ctx->storage->holdSeats($form['id'], $order['id'], $items, Instant::of((string) $order['expiresAt']), $now);
                if ($shortfalls !== []) {
                    throw self::seatsGone($form, $request, $shortfalls[0]['typeId'], $shortfalls[0]['available']);
                }
            }
            return true;
        });
        if (!$claimed) {
            $replay = self::previousAnswer($ctx, (string) $idempotencyKey, $requestHash);
            if ($replay !== null) {
                return $replay;
            }
            throw new ProtocolError('provider_error', [], null, [], 409, true);
        }

        $command = self::start($ctx, $provider, $order, $token, $quote, $request);
        $next = $command->next ?? ['type' => 'completed'];
        $expiresAt = $command->type === 'next' && $command->expiresAt !== null ? Instant::format($command->expiresAt) : $order['expiresAt'];
        $stored = array_merge($order, ['providerRef' => $command->providerRef, 'next' => $next, 'expiresAt' => $expiresAt]);
        $answer = [
            'order' => OrderView::status($stored, $request['locale'], $form, $ctx->catalogue),
            'token' => $token,
            'next' => $next,
        ];
        $ctx->storage->transaction(static function () use ($ctx, $order, $stored, $idempotencyKey, $answer): void {
            $ctx->storage->updateOrder($order['id'], [
                'providerRef' => $stored['providerRef'],
                'next' => $stored['next'],
                'expiresAt' => $stored['expiresAt'],
            ]);
            if ($idempotencyKey !== null) {
                $ctx->storage->completeIdempotencyKey($idempotencyKey, $answer);
            }
        });
        if ($command->type === 'completed') {
            // Nothing left to pay at the provider: record the payment like any verified event.
            ApplyEvents::run($ctx, $provider->id(), [new ProviderEvent('start_' . $order['id'], 'payment_succeeded', $now, null, $order['id'])]);
        }
        $ctx->log->log('info', 'order created', ['orderId' => $order['id'], 'formId' => $form['id'], 'provider' => $providerId, 'total' => $order['total']]);
        return $answer;
    }

    /**
     * @param array<string, mixed> $form
     * @param array<string, mixed> $request
     * @return array<string, mixed> the Quote
     */
    private static function price(OrdersContext $ctx, array $form, array $request, \DateTimeImmutable $now): array
    {
        if (array_key_exists('currency', $request) && $request['currency'] !== $form['currency']) {
            throw ProtocolError::validation([new FieldError('currency_mismatch', 'currency', ['currency' => $form['currency']])]);
        }
        $availability = null;
        $uses = 0;
        if ($form['kind'] === 'tickets') {
            $counts = $ctx->storage->seatCounts($form['id'], $now);
            $availability = static function (string $typeId) use ($form, $counts): ?int {
                $type = self::ticketType($form, $typeId);
                if ($type === null || !isset($type['quota'])) {
                    return null;
                }
                $count = $counts[$typeId] ?? ['sold' => 0, 'held' => 0];
                return max(0, (int) $type['quota'] - $count['sold'] - $count['held']);
            };
            $typed = $request['tickets']['promoCode'] ?? null;
            $configured = is_string($typed) ? Promo::find($form, $typed) : null;
            if ($configured !== null) {
                $uses = $ctx->storage->promoCodeUses($form['id'], (string) $configured['code']);
            }
        }
        $result = Pricing::quoteOrder($form, $request, new OrderContext($now, (string) $request['locale'], $availability, static function () use ($uses): int {
            return $uses;
        }));
        if (!$result['ok']) {
            throw DomainErrors::toProtocolError($result['errors']);
        }
        return $result['quote'];
    }

    /**
     * @param array<string, mixed> $form
     * @param array<string, mixed> $request
     * @param array<string, mixed> $quote
     * @return array<string, mixed>
     */
    private static function newOrderRecord(array $form, array $request, array $quote, \DateTimeImmutable $now, string $tokenHash): array
    {
        $offline = $request['payment']['provider'] === 'offline';
        $expiresAt = null;
        if ($form['kind'] === 'tickets') {
            $minutes = $offline ? self::OFFLINE_HOLD_DAYS * 24 * 60 : (int) ($form['tickets']['holdMinutes'] ?? 30);
            $expiresAt = Instant::format(Reservations::holdExpiresAt($now, $minutes));
        } elseif (!$offline) {
            $expiresAt = Instant::format(Reservations::holdExpiresAt($now, self::UNFINISHED_PAYMENT_HOURS * 60));
        }
        $promo = $form['kind'] === 'tickets' && is_string($request['tickets']['promoCode'] ?? null) ? Promo::find($form, $request['tickets']['promoCode']) : null;
        $id = Secrets::newOrderId();
        return [
            'id' => $id,
            'formId' => $form['id'],
            'kind' => $form['kind'],
            'status' => 'pending',
            'currency' => $quote['currency'],
            'total' => $quote['total'],
            'taxEligibleAmount' => $quote['taxEligibleAmount'],
            'refundedAmount' => 0,
            'recurring' => $quote['recurring'] ?? null,
            'lines' => $quote['lines'],
            'provider' => $request['payment']['provider'],
            'providerRef' => null,
            'paymentRef' => null,
            'subscriptionRef' => null,
            'offlineMethod' => $request['payment']['offlineMethod'] ?? null,
            'locale' => $request['locale'],
            'payer' => $request['payer'],
            'request' => $request,
            'reference' => Secrets::newReference(),
            'tokenHash' => $tokenHash,
            'next' => null,
            'promoCode' => $promo !== null ? (string) $promo['code'] : null,
            'createdAt' => Instant::format($now),
            'updatedAt' => Instant::format($now),
            'paidAt' => null,
            'expiresAt' => $expiresAt,
            'checkedAt' => null,
            'failureCode' => null,
            'members' => self::members($request),
            'tickets' => self::tickets($request),
            'history' => [],
        ];
    }

    /** @param array<string, mixed> $request @return array<int, array<string, mixed>> */
    private static function members(array $request): array
    {
        if ($request['kind'] !== 'membership') {
            return [];
        }
        $out = [];
        foreach (array_values($request['membership']['members']) as $position => $member) {
            $out[] = [
                'id' => Secrets::newItemId('mbr'),
                'tierId' => $request['membership']['tierId'],
                'position' => $position,
                'firstName' => $member['firstName'],
                'lastName' => $member['lastName'],
                'email' => $member['email'] ?? null,
                'birthDate' => $member['birthDate'] ?? null,
                'fields' => $member['fields'] ?? [],
            ];
        }
        return $out;
    }

    /** One ticket per seat; attendee names, when given, go to the tickets of their type in order. @return array<int, array<string, mixed>> */
    private static function tickets(array $request): array
    {
        if ($request['kind'] !== 'tickets') {
            return [];
        }
        $attendees = array_values($request['tickets']['attendees'] ?? []);
        $tickets = [];
        foreach ($request['tickets']['items'] as $item) {
            for ($i = 0; $i < (int) $item['quantity']; $i++) {
                $attendee = null;
                foreach ($attendees as $index => $candidate) {
                    if (($candidate['typeId'] ?? null) === $item['typeId']) {
                        $attendee = $candidate;
                        array_splice($attendees, $index, 1);
                        break;
                    }
                }
                $tickets[] = [
                    'id' => Secrets::newItemId('tkt'),
                    'typeId' => $item['typeId'],
                    'position' => count($tickets),
                    'firstName' => $attendee['firstName'] ?? null,
                    'lastName' => $attendee['lastName'] ?? null,
                    'code' => Secrets::newTicketCode(),
                    'checkedInAt' => null,
                ];
            }
        }
        return $tickets;
    }

    /** @param array<string, mixed> $form @return array<string, mixed>|null */
    private static function ticketType(array $form, string $typeId): ?array
    {
        foreach ($form['tickets']['types'] ?? [] as $type) {
            if ($type['id'] === $typeId) {
                return $type;
            }
        }
        return null;
    }

    /**
     * Another buyer took the last seats between our look at the stock and our hold: said like the domain says it.
     * @param array<string, mixed> $form
     * @param array<string, mixed> $request
     */
    private static function seatsGone(array $form, array $request, string $typeId, int $available): ProtocolError
    {
        $index = 0;
        foreach (array_values($request['tickets']['items'] ?? []) as $i => $item) {
            if ($item['typeId'] === $typeId) {
                $index = $i;
                break;
            }
        }
        $type = self::ticketType($form, $typeId);
        $name = $type !== null ? Text::resolve($type['name'], (string) $request['locale']) : $typeId;
        $field = 'tickets.items.' . $index . '.quantity';
        $error = $available <= 0
            ? new FieldError('sold_out', $field, ['name' => $name])
            : new FieldError('not_enough_available', $field, ['name' => $name, 'available' => $available]);
        return DomainErrors::toProtocolError([$error]);
    }

    /**
     * @param array<string, mixed> $order
     * @param array<string, mixed> $quote
     * @param array<string, mixed> $request
     */
    private static function start(OrdersContext $ctx, PaymentProvider $provider, array $order, string $token, array $quote, array $request): ProviderCommand
    {
        $page = self::returnUrl($ctx, $request['returnUrl'] ?? null);
        $redirect = ($request['flow'] ?? 'widget') === 'redirect';
        $payment = new PaymentRequest([
            'orderId' => $order['id'],
            'formId' => $order['formId'],
            'kind' => $order['kind'],
            'currency' => $quote['currency'],
            'total' => $quote['total'],
            'lines' => $quote['lines'],
            'recurring' => $quote['recurring'] ?? null,
            'payer' => $request['payer'],
            'locale' => $request['locale'],
            // No widget keeps the order in the browser: the way back names it, so the page can show its status.
            'returnUrl' => $redirect ? self::withOrder($page, (string) $order['id'], $token) : $page,
            'flow' => $redirect ? 'redirect' : 'widget',
            'cancelUrl' => $redirect ? $page : null,
            'idempotencyKey' => 'order_' . $order['id'],
            'offlineMethod' => $request['payment']['offlineMethod'] ?? null,
            'reference' => $order['reference'],
            'expiresAt' => $order['expiresAt'] !== null && $order['kind'] === 'tickets' ? Instant::of($order['expiresAt']) : null,
        ]);
        try {
            return $provider->startPayment($payment, $ctx->clock->now());
        } catch (\Throwable $e) {
            $code = $e instanceof ProviderError ? $e->protocolCode() : 'provider_error';
            OrderUpdates::apply($ctx, ['orderId' => $order['id']], null, static function (array $current) use ($code): array {
                return EventDecisions::move($current, 'payment_failed', ['failureCode' => $code, 'next' => null, 'seats' => 'release', 'note' => ['source' => 'system', 'action' => 'abandoned']]);
            });
            $ctx->log->log('warning', 'payment start failed; order abandoned', [
                'orderId' => $order['id'],
                'provider' => $provider->id(),
                'code' => $code,
                'providerCode' => $e instanceof ProviderError ? $e->providerCode() : null,
                'reason' => $e->getMessage(),
            ]);
            if ($code === 'provider_not_available') {
                throw ProtocolError::validation([new FieldError($code, 'payment.provider')]);
            }
            throw new ProtocolError($code, [], null, [], null, $e instanceof ProviderError ? $e->retryable() : true);
        }
    }

    /** Only a page of the site itself may be the way back (no open redirect through our host). @param mixed $asked */
    private static function returnUrl(OrdersContext $ctx, $asked): string
    {
        $base = $ctx->settings->apiBaseUrl();
        $origin = self::origin($base);
        if (is_string($asked) && $origin !== null && self::origin($asked) === $origin) {
            return $asked;
        }
        return $origin !== null ? $origin . '/' : $base . '/';
    }

    /** docs/protocol.md §5: back from a hosted page with guichet_order and guichet_token in the query string. */
    private static function withOrder(string $page, string $orderId, string $token): string
    {
        $parts = explode('#', $page, 2);
        $query = http_build_query(['guichet_order' => $orderId, 'guichet_token' => $token], '', '&', PHP_QUERY_RFC3986);
        $joined = $parts[0] . (strpos($parts[0], '?') !== false ? '&' : '?') . $query;
        return isset($parts[1]) ? $joined . '#' . $parts[1] : $joined;
    }

    private static function origin(string $url): ?string
    {
        $parts = parse_url($url);
        if (!is_array($parts) || !isset($parts['scheme'], $parts['host']) || !in_array(strtolower($parts['scheme']), ['http', 'https'], true)) {
            return null;
        }
        return strtolower($parts['scheme']) . '://' . strtolower($parts['host']) . (isset($parts['port']) ? ':' . $parts['port'] : '');
    }

    /** @return array<string, mixed>|null */
    private static function previousAnswer(OrdersContext $ctx, string $key, string $requestHash): ?array
    {
        $deadline = microtime(true) + self::IN_FLIGHT_WAIT_SECONDS;
        for (;;) {
            $record = $ctx->storage->findIdempotentResponse($key);
            if ($record === null) {
                return null;
            }
            if ($record['requestHash'] !== $requestHash) {
                throw new ProtocolError('idempotency_conflict');
            }
            if ($record['response'] !== null) {
                return $record['response'];
            }
            if (microtime(true) > $deadline) {
                throw new ProtocolError('provider_error', [], null, [], 409, true);
            }
            usleep(25000);
        }
    }
}
