<?php

declare(strict_types=1);

namespace Guichet\Adapter\Http;

use Guichet\Adapter\Domain\Forms\PublicDefinition;
use Guichet\Adapter\Domain\Tax\TaxRules;
use Guichet\Adapter\Orders\ApplyEvents;
use Guichet\Adapter\Orders\CreateOrder;
use Guichet\Adapter\Orders\OrdersContext;
use Guichet\Adapter\Orders\OrderStatus;
use Guichet\Adapter\Orders\SimulatePayment;
use Guichet\Adapter\Protocol\Json;
use Guichet\Adapter\Protocol\ProtocolError;
use Guichet\Adapter\Receipts\ReceiptService;
use Guichet\Adapter\Providers\WebhookPayloadError;
use Guichet\Adapter\Providers\WebhookReceiver;
use Guichet\Adapter\Providers\WebhookSignatureError;

/**
 * Protocol v1's public routes, framework-neutral: method, path (relative to the base), headers, query and raw
 * body in; status, headers and a JSON body out. A WordPress REST route or a SPIP action only copies these
 * across. Back-office actions are not routed here: hosts call Orders\BackOffice behind their own auth.
 */
final class ProtocolHandler
{
    /** Bodies above this are refused before parsing (a large order is a few kilobytes). */
    public const MAX_BODY_BYTES = 65536;

    private OrdersContext $ctx;
    private ?ReceiptService $receipts;

    /** @param ReceiptService|null $receipts when the host issues tax receipts: GET orders/{id} then names the order's */
    public function __construct(OrdersContext $ctx, ?ReceiptService $receipts = null)
    {
        $this->ctx = $ctx;
        $this->receipts = $receipts;
    }

    /**
     * @param array<string, string|string[]> $headers
     * @param array<string, string> $query
     */
    public function handle(string $method, string $path, array $headers, array $query, string $rawBody): HttpAnswer
    {
        $locale = $this->locale($query, $headers, null);
        try {
            return $this->route(strtoupper($method), '/' . trim($path, '/'), $headers, $query, $rawBody, $locale);
        } catch (ProtocolError $e) {
            return $this->error($e, $locale);
        } catch (\Throwable $e) {
            $this->ctx->log->log('error', 'unexpected error', ['path' => $path, 'reason' => $e->getMessage(), 'class' => get_class($e)]);
            return $this->error(new ProtocolError('internal_error', [], null, [], null, true), $locale);
        }
    }

    /**
     * @param array<string, string|string[]> $headers
     * @param array<string, string> $query
     */
    private function route(string $method, string $path, array $headers, array $query, string $rawBody, string &$locale): HttpAnswer
    {
        $id = '([A-Za-z0-9_-]{1,64})';
        if (preg_match('#^/forms/' . $id . '$#', $path, $m)) {
            $this->allow($method, 'GET');
            // Availability changes with every sale: caches may keep it but must ask again (as the Node host).
            return new HttpAnswer(200, $this->definition($m[1], $locale), ['Cache-Control' => 'no-cache']);
        }
        if (preg_match('#^/forms/' . $id . '/orders$#', $path, $m)) {
            $this->allow($method, 'POST');
            $request = $this->jsonBody($headers, $rawBody);
            $locale = $this->locale($query, $headers, $request['locale'] ?? null);
            $field = RequestShape::problem($request);
            if ($field !== null) {
                throw new ProtocolError('bad_request', [], $field);
            }
            $key = self::header($headers, 'Idempotency-Key');
            if ($key !== null && (strlen($key) > 255 || trim($key) === '')) {
                throw new ProtocolError('bad_request', [], 'Idempotency-Key');
            }
            $replayed = false;
            $created = CreateOrder::run($this->ctx, $m[1], $request, $key, $replayed);
            return new HttpAnswer(201, $created, $replayed ? ['Idempotent-Replayed' => 'true'] : []);
        }
        if (preg_match('#^/orders/' . $id . '$#', $path, $m)) {
            $this->allow($method, 'GET');
            $token = (string) ($query['token'] ?? '');
            return new HttpAnswer(200, OrderStatus::read($this->ctx, $m[1], $token, $locale, $this->receiptLookup()));
        }
        if (preg_match('#^/simulation/' . $id . '/(confirm|challenge)$#', $path, $m)) {
            $this->allow($method, 'POST');
            $body = $this->jsonBody($headers, $rawBody);
            $secret = $body['clientSecret'] ?? null;
            if (!is_string($secret)) {
                throw new ProtocolError('bad_request', [], 'clientSecret');
            }
            if ($m[2] === 'confirm') {
                if (!is_string($body['card'] ?? null) || !preg_match('/^[0-9 ]{12,23}$/', $body['card'])) {
                    throw new ProtocolError('bad_request', [], 'card');
                }
                $step = ['type' => 'confirm', 'card' => $body['card']];
            } else {
                if (!is_bool($body['approve'] ?? null)) {
                    throw new ProtocolError('bad_request', [], 'approve');
                }
                $step = ['type' => 'challenge', 'approve' => $body['approve']];
            }
            // Unless the reader names a language, the order's result is in its payer's, not the site's.
            return new HttpAnswer(200, SimulatePayment::run($this->ctx, $m[1], $secret, $step, $this->askedLocale($query, $headers, null), $this->receiptLookup()));
        }
        if (preg_match('#^/webhooks/([a-z0-9_-]{1,32})$#', $path, $m)) {
            $this->allow($method, 'POST');
            return $this->webhook($m[1], $headers, $rawBody);
        }
        throw new ProtocolError('bad_request', [], null, [], 404);
    }

    /** fn(string $orderId): ?array{number, url}, or null when the host does not issue receipts. */
    private function receiptLookup(): ?callable
    {
        $receipts = $this->receipts;
        if ($receipts === null) {
            return null;
        }
        $log = $this->ctx->log;
        return static function (string $orderId) use ($receipts, $log): ?array {
            try {
                $receipt = $receipts->receiptForOrder($orderId);
                return $receipt === null ? null : ['number' => (string) $receipt['number'], 'url' => $receipts->link($receipt)];
            } catch (\Throwable $e) {
                // The payer still sees the order's status; the receipt link comes back once the store answers.
                $log->log('error', 'receipt lookup failed', ['orderId' => $orderId, 'reason' => $e->getMessage()]);
                return null;
            }
        };
    }

    /** @return array<string, mixed> */
    private function definition(string $formId, string $locale): array
    {
        $form = $this->ctx->forms->findForm($formId);
        if ($form === null) {
            throw new ProtocolError('form_not_found');
        }
        $now = $this->ctx->clock->now();
        $methods = [];
        foreach ($form['payment']['providers'] as $providerId) {
            $provider = $this->ctx->provider($providerId);
            if ($provider === null) {
                continue;
            }
            foreach ($provider->publicMethods() as $method) {
                if ($providerId !== 'offline' || in_array($method['method'], $form['payment']['offlineMethods'] ?? [], true)) {
                    $methods[] = $method;
                }
            }
        }
        $context = [
            'locale' => $locale,
            'now' => $now,
            'paymentMethods' => $methods,
            'organization' => ['name' => $this->ctx->settings->organizationName()],
            'taxRules' => TaxRules::shipped(),
        ];
        if ($form['kind'] === 'tickets') {
            $counts = $this->ctx->storage->seatCounts($formId, $now);
            $quotas = [];
            foreach ($form['tickets']['types'] as $type) {
                $quotas[$type['id']] = isset($type['quota']) ? (int) $type['quota'] : null;
            }
            $context['availability'] = static function (string $typeId) use ($counts, $quotas): ?int {
                if (!isset($quotas[$typeId])) {
                    return null;
                }
                $count = $counts[$typeId] ?? ['sold' => 0, 'held' => 0];
                return max(0, $quotas[$typeId] - $count['sold'] - $count['held']);
            };
        }
        if ($form['kind'] === 'donation' && isset($form['donation']['goal'])) {
            $context['raised'] = $this->ctx->storage->raisedAmount($formId);
        }
        return PublicDefinition::build($form, $context);
    }

    /** @param array<string, string|string[]> $headers */
    private function webhook(string $providerId, array $headers, string $rawBody): HttpAnswer
    {
        $provider = $this->ctx->provider($providerId);
        if (!$provider instanceof WebhookReceiver) {
            // As the Node host: a provider the site does not run is a bad request, not a missing page.
            throw new ProtocolError('bad_request');
        }
        if (strlen($rawBody) > 1048576) {
            throw new ProtocolError('payload_too_large');
        }
        try {
            // Verified on the raw bytes, before anything parses them.
            $events = $provider->receiveWebhook($rawBody, $headers, $this->ctx->clock->now());
        } catch (WebhookSignatureError $e) {
            $this->ctx->log->log('warning', 'webhook signature refused', ['provider' => $providerId, 'reason' => $e->getMessage()]);
            throw new ProtocolError('webhook_signature_invalid');
        } catch (WebhookPayloadError $e) {
            throw new ProtocolError('webhook_payload_invalid');
        }
        $results = ApplyEvents::run($this->ctx, $providerId, $events);
        $first = $results[0] ?? null;
        $eventId = $first['eventId'] ?? (string) (json_decode($rawBody, true)['id'] ?? '');
        $duplicate = $results !== [] && array_reduce($results, static function (bool $carry, array $r): bool {
            return $carry && $r['duplicate'];
        }, true);
        return new HttpAnswer(200, ['received' => true, 'eventId' => $eventId, 'duplicate' => $duplicate]);
    }

    /**
     * @param array<string, string|string[]> $headers
     * @return array<string, mixed>
     */
    private function jsonBody(array $headers, string $rawBody): array
    {
        if (strlen($rawBody) > self::MAX_BODY_BYTES) {
            throw new ProtocolError('payload_too_large');
        }
        $type = strtolower((string) self::header($headers, 'Content-Type'));
        if ($type !== '' && strpos($type, 'application/json') !== 0 && strpos($type, 'text/plain') !== 0) {
            throw new ProtocolError('unsupported_media_type');
        }
        try {
            return Json::decodeObject($rawBody);
        } catch (\JsonException $e) {
            throw new ProtocolError('bad_request');
        }
    }

    private function allow(string $method, string $allowed): void
    {
        if ($method !== $allowed) {
            throw new ProtocolError('method_not_allowed');
        }
    }

    /**
     * The payer's language: the request's own locale, then ?locale=, then Accept-Language, then the site's.
     * @param array<string, string> $query
     * @param array<string, string|string[]> $headers
     * @param mixed $fromBody
     */
    private function locale(array $query, array $headers, $fromBody): string
    {
        return $this->askedLocale($query, $headers, $fromBody) ?? $this->ctx->settings->defaultLocale();
    }

    /**
     * The language the request names, if any.
     * @param array<string, string> $query
     * @param array<string, string|string[]> $headers
     * @param mixed $fromBody
     */
    private function askedLocale(array $query, array $headers, $fromBody): ?string
    {
        foreach ([$fromBody, $query['locale'] ?? null] as $candidate) {
            if ($candidate === 'fr' || $candidate === 'en') {
                return $candidate;
            }
        }
        $accept = strtolower((string) self::header($headers, 'Accept-Language'));
        if ($accept !== '') {
            $en = strpos($accept, 'en');
            $fr = strpos($accept, 'fr');
            if ($en !== false && ($fr === false || $en < $fr)) {
                return 'en';
            }
            if ($fr !== false) {
                return 'fr';
            }
        }
        return null;
    }

    /** @param array<string, string|string[]> $headers */
    public static function header(array $headers, string $name): ?string
    {
        foreach ($headers as $key => $value) {
            if (strcasecmp((string) $key, $name) === 0) {
                return is_array($value) ? implode(',', $value) : (string) $value;
            }
        }
        return null;
    }

    private function error(ProtocolError $e, string $locale): HttpAnswer
    {
        return new HttpAnswer($e->status(), $e->toResponse($this->ctx->catalogue, $locale));
    }
}
