<?php

declare(strict_types=1);

namespace Guichet\Adapter\Orders;

use Guichet\Adapter\Domain\Instant;
use Guichet\Adapter\Protocol\FieldError;
use Guichet\Adapter\Protocol\ProtocolError;
use Guichet\Adapter\Providers\ProviderCommand;
use Guichet\Adapter\Providers\ProviderEvent;

/**
 * POST {base}/forms/{id}/orders (orders/create-order.ts): the server's own price, the seats held, the promo
 * code's uses checked again and the order stored in one transaction, then the provider asked to start the
 * payment. When the provider fails, the order is marked failed and its seats released; nothing is charged.
 */
final class CreateOrder
{
    /** How long an offline ticket order keeps its seats while the cheque or transfer is on its way. */
    public const OFFLINE_HOLD_DAYS = NewOrderRecord::OFFLINE_HOLD_DAYS;

    /**
     * @param array<string, mixed> $request an OrderRequest whose shape was checked (Http\RequestShape)
     * @param bool|null $replayed set to true when the answer is an idempotent replay (the host then adds
     *        `Idempotent-Replayed: true`), false otherwise
     * @return array<string, mixed> OrderCreated
     */
    public static function run(OrdersContext $ctx, string $formId, array $request, ?string $idempotencyKey, ?bool &$replayed = null): array
    {
        $replayed = false;
        $form = $ctx->forms->findForm($formId);
        if ($form === null) {
            throw new ProtocolError('form_not_found');
        }
        $requestHash = Secrets::sha256(Secrets::canonicalJson(['formId' => $formId, 'request' => $request]));
        if ($idempotencyKey !== null) {
            $replay = IdempotentReplay::previousAnswer($ctx, $idempotencyKey, $requestHash);
            if ($replay !== null) {
                $replayed = true;
                return $replay;
            }
        }

        if (($request['kind'] ?? null) !== $form['kind']) {
            // A request written for another kind of form cannot be read against this one.
            throw new ProtocolError('bad_request', [], 'kind');
        }
        $now = $ctx->clock->now();
        $quote = OrderPrice::quote($ctx, $form, $request, $now);
        $providerId = (string) $request['payment']['provider'];
        $provider = $ctx->provider($providerId);
        if ($provider === null || !in_array($providerId, $form['payment']['providers'], true)) {
            throw ProtocolError::validation([new FieldError('provider_not_available', 'payment.provider')]);
        }

        $token = Secrets::newStatusToken();
        $order = NewOrderRecord::build($form, $request, $quote, $now, Secrets::sha256($token));
        $claimed = $ctx->storage->transaction(static function () use ($ctx, $order, $quote, $form, $request, $idempotencyKey, $requestHash, $now): bool {
            if ($idempotencyKey !== null && !$ctx->storage->claimIdempotencyKey($idempotencyKey, $requestHash, $now)) {
                return false;
            }
            PromoUsedUp::check($ctx->storage, $form, $order);
            $ctx->storage->insertOrder($order);
            if ($quote['reservations'] !== []) {
                $items = [];
                foreach ($quote['reservations'] as $reservation) {
                    $type = TicketTypes::find($form, $reservation['typeId']);
                    $items[$reservation['typeId']] = ['quantity' => $reservation['quantity'], 'quota' => isset($type['quota']) ? (int) $type['quota'] : null];
                }
                $shortfalls = $ctx->storage->holdSeats($form['id'], $order['id'], $items, Instant::of((string) $order['expiresAt']), $now);
                if ($shortfalls !== []) {
                    throw SeatsGone::error($form, $request, $shortfalls[0]['typeId'], $shortfalls[0]['available']);
                }
            }
            return true;
        });
        if (!$claimed) {
            $replay = IdempotentReplay::previousAnswer($ctx, (string) $idempotencyKey, $requestHash);
            if ($replay !== null) {
                $replayed = true;
                return $replay;
            }
            throw new ProtocolError('provider_error', [], null, [], 409, true);
        }

        // Nothing to pay (free tickets, a 100 % code): no provider is called and the order is paid at once.
        $command = (int) $quote['total'] === 0
            ? ProviderCommand::completed()
            : StartPayment::run($ctx, $provider, $order, $token, $quote, $request);
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
            $paid = $ctx->storage->findOrder($order['id']);
            if ($paid !== null) {
                $answer['order'] = OrderView::status($paid, $request['locale'], $form, $ctx->catalogue);
            }
        }
        $ctx->log->log('info', 'order created', ['orderId' => $order['id'], 'formId' => $form['id'], 'provider' => $providerId, 'total' => $order['total']]);
        return $answer;
    }
}
