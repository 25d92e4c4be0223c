<?php

declare(strict_types=1);

namespace Guichet\Adapter\Orders;

use Guichet\Adapter\Protocol\ProtocolError;

/**
 * The answer already given to an idempotency key; a different body under the same key is a conflict; a first
 * request still talking to its provider is waited for.
 */
final class IdempotentReplay
{
    /** How long a retry waits for the first request with the same key to finish talking to the provider. */
    private const IN_FLIGHT_WAIT_SECONDS = 10;

    /** @return array<string, mixed>|null */
    public static function previousAnswer(OrdersContext $ctx, string $key, string $requestHash): ?array
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
                // Same order id, token and next action; the order as it is now (docs/protocol.md §5).
                $first = $record['response'];
                $order = $ctx->storage->findOrder((string) ($first['order']['id'] ?? ''));
                if ($order !== null) {
                    $locale = (string) ($order['locale'] ?? $ctx->settings->defaultLocale());
                    $first['order'] = OrderView::status($order, $locale, $ctx->forms->findForm((string) $order['formId']), $ctx->catalogue);
                }
                return $first;
            }
            if (microtime(true) > $deadline) {
                throw new ProtocolError('provider_error', [], null, [], 409, true);
            }
            usleep(25000);
        }
    }
}
