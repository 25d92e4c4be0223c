<?php

declare(strict_types=1);

namespace Guichet\Adapter\Providers\Stripe;

use Guichet\Adapter\Ports\HttpClient;
use Guichet\Adapter\Providers\PaymentProvider;
use Guichet\Adapter\Providers\PaymentRequest;
use Guichet\Adapter\Providers\ProviderCommand;
use Guichet\Adapter\Providers\ProviderConfigError;
use Guichet\Adapter\Providers\ProviderError;
use Guichet\Adapter\Providers\ProviderEvent;
use Guichet\Adapter\Providers\Reconciler;
use Guichet\Adapter\Providers\Refunder;
use Guichet\Adapter\Providers\Shared\SignedHeader;
use Guichet\Adapter\Providers\WebhookPayloadError;
use Guichet\Adapter\Providers\WebhookReceiver;
use Guichet\Adapter\Providers\WebhookSignatureError;

/**
 * Stripe through Checkout Sessions (embedded page or Elements for the widget, the hosted page for a payer without
 * JavaScript) into the association's own account, over plain HTTPS (providers/stripe in TypeScript). Keys are
 * private and never leave this object.
 */
final class StripeProvider implements PaymentProvider, WebhookReceiver, Refunder, Reconciler
{
    public const SIGNATURE_HEADER = 'Stripe-Signature';

    private StripeClient $client;
    private string $webhookSecret;
    private string $publishableKey;
    private string $uiMode;
    private bool $sepa;

    /** @param array<string, mixed> $settings StripeSettings: secretKey, publishableKey, webhookSecret, uiMode?, apiBase?, sepa? */
    public function __construct(array $settings, HttpClient $http)
    {
        foreach (['secretKey' => '/^(sk|rk)_(test|live)_/', 'publishableKey' => '/^pk_(test|live)_/', 'webhookSecret' => '/^whsec_/'] as $key => $pattern) {
            if (!is_string($settings[$key] ?? null) || !preg_match($pattern, $settings[$key])) {
                throw new ProviderConfigError('stripe.' . $key, 'The Stripe setting ' . $key . ' is missing or malformed.');
            }
        }
        // Keys of both modes together would take the payer to a page that cannot charge.
        if (self::isLive($settings['secretKey']) !== self::isLive($settings['publishableKey'])) {
            throw new ProviderConfigError('stripe.publishableKey', 'The Stripe secret and publishable keys must both be test keys or both be live keys.');
        }
        $this->webhookSecret = $settings['webhookSecret'];
        $this->publishableKey = $settings['publishableKey'];
        $this->uiMode = ($settings['uiMode'] ?? 'embedded_page') === 'elements' ? 'elements' : 'embedded_page';
        $this->sepa = ($settings['sepa'] ?? false) === true;
        $this->client = new StripeClient($http, $settings['secretKey'], $settings['apiBase'] ?? null, [$this->webhookSecret]);
    }

    private static function isLive(string $key): bool
    {
        return preg_match('/^[a-z]+_live_/', $key) === 1;
    }

    public function id(): string
    {
        return 'stripe';
    }

    public function publicMethods(): array
    {
        return [['provider' => 'stripe', 'publishableKey' => $this->publishableKey, 'uiMode' => $this->uiMode]];
    }

    public function startPayment(PaymentRequest $request, \DateTimeImmutable $now): ProviderCommand
    {
        $session = $this->client->post(
            '/v1/checkout/sessions',
            Checkout::params($request, $this->uiMode, $this->sepa, $now),
            Checkout::idempotencyKey('checkout', $request->idempotencyKey)
        );
        $expiresAt = isset($session['expires_at'])
            ? (new \DateTimeImmutable('@' . (int) $session['expires_at']))->setTimezone(new \DateTimeZone('UTC'))
            : null;
        if (Checkout::uiMode($request, $this->uiMode) === 'hosted_page') {
            if (!is_string($session['url'] ?? null)) {
                throw new ProviderError('provider_error', 'Checkout session ' . ($session['id'] ?? '?') . ' came back without a URL', null, true);
            }
            return ProviderCommand::next(['type' => 'redirect', 'url' => $session['url']], (string) $session['id'], $expiresAt);
        }
        if (!is_string($session['client_secret'] ?? null)) {
            throw new ProviderError('provider_error', 'Checkout session ' . ($session['id'] ?? '?') . ' came back without a client secret', null, true);
        }
        return ProviderCommand::next([
            'type' => 'confirm',
            'provider' => 'stripe',
            'uiMode' => $this->uiMode,
            'clientSecret' => $session['client_secret'],
            'publishableKey' => $this->publishableKey,
        ], (string) $session['id'], $expiresAt);
    }

    public function receiveWebhook(string $rawBody, array $headers, \DateTimeImmutable $now): array
    {
        $check = SignedHeader::check($rawBody, SignedHeader::headerValue($headers, self::SIGNATURE_HEADER), $this->webhookSecret, $now->getTimestamp());
        if (!$check['ok']) {
            throw new WebhookSignatureError('Stripe webhook rejected: ' . $check['reason']);
        }
        $event = json_decode($rawBody, true);
        if (!is_array($event)) {
            throw new WebhookPayloadError('Stripe webhook body is not JSON');
        }
        if (($event['object'] ?? null) !== 'event' || !is_string($event['id'] ?? null) || !is_string($event['type'] ?? null)
            || !is_int($event['created'] ?? null) || !is_array($event['data']['object'] ?? null)) {
            throw new WebhookPayloadError('Stripe webhook body is not an event');
        }
        return StripeEvents::map($event);
    }

    public function refund(string $providerRef, ?int $amount, string $idempotencyKey): array
    {
        if ($amount !== null && $amount <= 0) {
            throw new ProviderError('bad_request', 'A refund amount is a positive integer in minor units.');
        }
        $params = ['payment_intent' => $this->paymentIntentOf($providerRef), 'reason' => 'requested_by_customer'];
        if ($amount !== null) {
            $params['amount'] = $amount;
        }
        $refund = $this->client->post('/v1/refunds', $params, Checkout::idempotencyKey('refund', $idempotencyKey));
        return ['refundId' => (string) $refund['id'], 'amount' => (int) $refund['amount']];
    }

    /** The payment intent holding an order's money: named by a payment-mode session, or its invoice's payment. */
    private function paymentIntentOf(string $providerRef): string
    {
        if (strncmp($providerRef, 'pi_', 3) === 0) {
            return $providerRef;
        }
        $session = $this->client->get('/v1/checkout/sessions/' . rawurlencode($providerRef));
        $intent = $session['payment_intent'] ?? null;
        if ($intent !== null) {
            return is_array($intent) ? (string) $intent['id'] : (string) $intent;
        }
        $invoice = $session['invoice'] ?? null;
        if ($invoice !== null) {
            $invoiceId = is_array($invoice) ? (string) $invoice['id'] : (string) $invoice;
            $payments = $this->client->get('/v1/invoice_payments', ['invoice' => $invoiceId, 'status' => 'paid', 'limit' => 1]);
            $paid = $payments['data'][0]['payment']['payment_intent'] ?? null;
            if ($paid !== null) {
                return is_array($paid) ? (string) $paid['id'] : (string) $paid;
            }
        }
        throw new ProviderError('bad_request', 'Checkout session ' . $providerRef . ' has no payment to refund.');
    }

    public function reconcile(string $providerRef, \DateTimeImmutable $now): array
    {
        $session = $this->client->get('/v1/checkout/sessions/' . rawurlencode($providerRef));
        $found = $this->outcome($session);
        if ($found === null) {
            return [];
        }
        $event = new ProviderEvent('reconcile_' . $session['id'] . '_' . $found[0], $found[0], $now, (string) $session['id']);
        $event->orderId = $session['client_reference_id'] ?? ($session['metadata'][Checkout::METADATA_ORDER_ID] ?? null);
        $event->amount = isset($session['amount_total']) ? (int) $session['amount_total'] : null;
        $event->paymentRef = self::idOf($session['payment_intent'] ?? null);
        $event->subscriptionRef = self::idOf($session['subscription'] ?? null);
        $event->failureCode = $found[1];
        return [$event];
    }

    /** @param mixed $ref */
    private static function idOf($ref): ?string
    {
        return is_array($ref) ? (string) $ref['id'] : (is_string($ref) ? $ref : null);
    }

    /**
     * @param array<string, mixed> $session
     * @return array{0: string, 1: string|null}|null event type and failure code
     */
    private function outcome(array $session): ?array
    {
        if (($session['status'] ?? null) === 'expired') {
            return ['payment_expired', null];
        }
        if (($session['status'] ?? null) !== 'complete') {
            return null;
        }
        if (($session['payment_status'] ?? null) !== 'unpaid') {
            return ['payment_succeeded', null];
        }
        // A delayed method (SEPA) completed the session unpaid; the intent knows whether the debit went through.
        $intent = $session['payment_intent'] ?? null;
        if ($intent === null) {
            return ['payment_processing', null];
        }
        if (is_string($intent)) {
            $intent = $this->client->get('/v1/payment_intents/' . rawurlencode($intent));
        }
        $status = $intent['status'] ?? null;
        if ($status === 'succeeded') {
            return ['payment_succeeded', null];
        }
        if ($status === 'processing') {
            return ['payment_processing', null];
        }
        $error = $intent['last_payment_error'] ?? null;
        if ($status === 'canceled' || $error !== null) {
            return ['payment_failed', (string) ($error['decline_code'] ?? $error['code'] ?? 'async_payment_failed')];
        }
        return ['payment_processing', null];
    }
}
