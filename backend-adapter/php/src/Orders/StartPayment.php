<?php

declare(strict_types=1);

namespace Guichet\Adapter\Orders;

use Guichet\Adapter\Domain\Instant;
use Guichet\Adapter\Protocol\FieldError;
use Guichet\Adapter\Protocol\ProtocolError;
use Guichet\Adapter\Providers\PaymentProvider;
use Guichet\Adapter\Providers\PaymentRequest;
use Guichet\Adapter\Providers\ProviderCommand;
use Guichet\Adapter\Providers\ProviderError;

/**
 * The provider asked to start the payment. When it fails, the order is marked failed and its seats released,
 * and the payer hears the provider's code.
 */
final class StartPayment
{
    /**
     * @param array<string, mixed> $order
     * @param array<string, mixed> $quote
     * @param array<string, mixed> $request
     */
    public static function run(OrdersContext $ctx, PaymentProvider $provider, array $order, string $token, array $quote, array $request): ProviderCommand
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
}
