<?php

declare(strict_types=1);

namespace Guichet\Adapter\Providers\Stripe;

use Guichet\Adapter\Ports\HttpClient;
use Guichet\Adapter\Ports\HttpTransportError;
use Guichet\Adapter\Providers\ProviderError;
use Guichet\Adapter\Providers\Shared\Redact;

/**
 * Stripe's REST API over plain HTTPS, without the SDK: form-encoded bodies with bracketed keys
 * (`line_items[0][price_data][currency]=eur`), Bearer auth, Idempotency-Key, the pinned API version, and a
 * configurable base so tests reach the emulator over http. Errors become ProviderError (secrets redacted).
 */
final class StripeClient
{
    /** The API version the TypeScript provider and the emulator speak (providers/stripe/client.ts). */
    public const API_VERSION = '2026-10-28.endive';
    public const DEFAULT_API_BASE = 'https://api.stripe.com';

    private HttpClient $http;
    private string $secretKey;
    private string $apiBase;
    /** @var string[] */
    private array $secrets;

    /** @param string[] $otherSecrets masked too in any error message (the webhook secret) */
    public function __construct(HttpClient $http, string $secretKey, ?string $apiBase = null, array $otherSecrets = [])
    {
        $this->http = $http;
        $this->secretKey = $secretKey;
        $this->apiBase = rtrim($apiBase ?? self::DEFAULT_API_BASE, '/');
        $this->secrets = array_merge([$secretKey], $otherSecrets);
    }

    /**
     * @param array<string, mixed> $params
     * @return array<string, mixed> the decoded Stripe object
     */
    public function post(string $path, array $params, ?string $idempotencyKey = null): array
    {
        $headers = $this->headers();
        $headers['Content-Type'] = 'application/x-www-form-urlencoded';
        if ($idempotencyKey !== null) {
            $headers['Idempotency-Key'] = $idempotencyKey;
        }
        return $this->send('POST', $path, $headers, self::encode($params));
    }

    /**
     * @param array<string, mixed> $query
     * @return array<string, mixed>
     */
    public function get(string $path, array $query = []): array
    {
        $suffix = $query === [] ? '' : '?' . self::encode($query);
        return $this->send('GET', $path . $suffix, $this->headers(), '');
    }

    /**
     * Stripe's form encoding: nested arrays as bracketed keys, lists by index, booleans as true/false.
     * @param array<string, mixed> $params
     */
    public static function encode(array $params): string
    {
        return http_build_query(self::scalars($params), '', '&');
    }

    /**
     * @param array<mixed> $value
     * @return array<mixed>
     */
    private static function scalars(array $value): array
    {
        $out = [];
        foreach ($value as $key => $item) {
            if ($item === null) {
                continue;
            }
            if (is_bool($item)) {
                $out[$key] = $item ? 'true' : 'false';
            } elseif (is_array($item)) {
                $out[$key] = self::scalars($item);
            } else {
                $out[$key] = (string) $item;
            }
        }
        return $out;
    }

    /** @return array<string, string> */
    private function headers(): array
    {
        return [
            'Authorization' => 'Bearer ' . $this->secretKey,
            'Stripe-Version' => self::API_VERSION,
            'User-Agent' => 'Guichet-PHP',
            'Accept' => 'application/json',
        ];
    }

    /**
     * @param array<string, string> $headers
     * @return array<string, mixed>
     */
    private function send(string $method, string $path, array $headers, string $body): array
    {
        try {
            $response = $this->http->send($method, $this->apiBase . $path, $headers, $body);
        } catch (HttpTransportError $e) {
            throw new ProviderError('provider_error', Redact::text('Stripe call failed: ' . $e->getMessage(), $this->secrets), null, true);
        }
        $data = json_decode($response->body, true);
        $requestId = $response->header('request-id');
        if ($response->status >= 200 && $response->status < 300 && is_array($data)) {
            return $data;
        }
        $error = is_array($data) && isset($data['error']) && is_array($data['error']) ? $data['error'] : [];
        $type = (string) ($error['type'] ?? 'api_error');
        $message = Redact::text('Stripe ' . $type . ': ' . (string) ($error['message'] ?? ('HTTP ' . $response->status)), $this->secrets);
        $providerCode = $error['decline_code'] ?? $error['code'] ?? $type;
        if ($type === 'card_error') {
            throw new ProviderError('payment_declined', $message, (string) $providerCode, false, $requestId);
        }
        if ($type === 'idempotency_error') {
            throw new ProviderError('idempotency_conflict', $message, (string) $providerCode, false, $requestId);
        }
        $retryable = $response->status === 429 || $response->status >= 500 || $type === 'api_error';
        throw new ProviderError('provider_error', $message, (string) $providerCode, $retryable, $requestId);
    }
}
