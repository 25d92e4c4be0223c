<?php

declare(strict_types=1);

namespace Guichet\Adapter\Providers\Stripe;

use Guichet\Adapter\Domain\Js;
use Guichet\Adapter\Providers\PaymentRequest;
use Guichet\Adapter\Providers\ProviderError;

/** Checkout Session parameters for an order (providers/stripe/checkout.ts and line-items.ts). */
final class Checkout
{
    public const METADATA_ORDER_ID = 'guichet_order_id';
    public const METADATA_FORM_ID = 'guichet_form_id';

    /** Stripe accepts an expiry between 30 minutes and 24 hours ahead; a minute of margin. */
    private const MIN_EXPIRY_SECONDS = 1860;
    private const MAX_EXPIRY_SECONDS = 86340;
    private const SUBMIT_TYPE = ['donation' => 'donate', 'membership' => 'pay', 'tickets' => 'book'];
    private const NAME_MAX = 250;
    private const DESCRIPTION_MAX = 500;

    /** Stripe keys are at most 255 characters; a longer key is hashed, which keeps it stable. */
    public static function idempotencyKey(string $operation, string $key): string
    {
        $full = 'guichet-' . $operation . '-' . $key;
        return strlen($full) <= 255 ? $full : 'guichet-' . $operation . '-' . hash('sha256', $key);
    }

    /**
     * A hold shorter than Stripe's minimum is lengthened to it, rounded up to the minute so a retry sends the
     * same parameters; beyond 24 hours Stripe's default applies.
     */
    public static function expiresAt(PaymentRequest $request, \DateTimeImmutable $now): ?int
    {
        if ($request->expiresAt === null) {
            return null;
        }
        $nowSeconds = $now->getTimestamp();
        $wanted = $request->expiresAt->getTimestamp();
        if ($wanted > $nowSeconds + self::MAX_EXPIRY_SECONDS) {
            return null;
        }
        if ($wanted >= $nowSeconds + self::MIN_EXPIRY_SECONDS) {
            return $wanted;
        }
        return (int) ceil(($nowSeconds + self::MIN_EXPIRY_SECONDS) / 60) * 60;
    }

    /** Stripe replaces the literal {CHECKOUT_SESSION_ID}, so it must not be URL-encoded. */
    public static function withSessionId(string $returnUrl): string
    {
        $parts = explode('#', $returnUrl, 2);
        $base = $parts[0];
        $joined = $base . (strpos($base, '?') !== false ? '&' : '?') . 'session_id={CHECKOUT_SESSION_ID}';
        return isset($parts[1]) ? $joined . '#' . $parts[1] : $joined;
    }

    /** The Checkout integration for this request: Stripe's own page when no script runs in the payer's browser. */
    public static function uiMode(PaymentRequest $request, string $siteUiMode): string
    {
        return $request->flow === 'redirect' ? 'hosted_page' : $siteUiMode;
    }

    /**
     * @param string $siteUiMode the site's choice for its widgets (embedded_page or elements); a request without
     *   JavaScript gets the hosted page whatever it is
     * @return array<string, mixed>
     */
    public static function params(PaymentRequest $request, string $siteUiMode, bool $sepa, \DateTimeImmutable $now): array
    {
        $uiMode = self::uiMode($request, $siteUiMode);
        if ($request->total <= 0) {
            throw new ProviderError('bad_request', 'Order ' . $request->orderId . ' has nothing to pay through Stripe.');
        }
        $metadata = [self::METADATA_ORDER_ID => $request->orderId, self::METADATA_FORM_ID => $request->formId];
        $subscription = $request->recurring !== null;
        $params = [
            'mode' => $subscription ? 'subscription' : 'payment',
            'ui_mode' => $uiMode,
            'line_items' => self::lineItems($request),
        ] + self::returnUrls($request, $uiMode) + [
            'client_reference_id' => $request->orderId,
            'customer_email' => (string) ($request->payer['email'] ?? ''),
            'locale' => $request->locale,
            'metadata' => $metadata,
            'allowed_payment_method_types' => $sepa && $request->currency === 'EUR' ? ['card', 'sepa_debit'] : ['card'],
        ];
        // Copied onto the payment intent or subscription, so refunds, disputes and renewals name the order too.
        if ($subscription) {
            $params['subscription_data'] = ['metadata' => $metadata];
        } else {
            $params['payment_intent_data'] = ['metadata' => $metadata];
        }
        if (!$subscription && $uiMode !== 'elements') {
            $params['submit_type'] = self::SUBMIT_TYPE[$request->kind] ?? 'pay';
        }
        $expiry = self::expiresAt($request, $now);
        if ($expiry !== null) {
            $params['expires_at'] = $expiry;
        }
        return $params;
    }

    /**
     * The hosted page sends the payer to success_url once paid and to cancel_url on "back"; the embedded page
     * and Elements know one return_url (Stripe refuses the other pair with each).
     * @return array<string, string>
     */
    private static function returnUrls(PaymentRequest $request, string $uiMode): array
    {
        if ($uiMode !== 'hosted_page') {
            return ['return_url' => self::withSessionId($request->returnUrl)];
        }
        return [
            'success_url' => self::withSessionId($request->returnUrl),
            'cancel_url' => $request->cancelUrl ?? $request->returnUrl,
        ];
    }

    /**
     * The order as Stripe line items; an order with a discount (Stripe refuses negative amounts) goes as one
     * line carrying the server's total, its description listing what was bought. Free lines are left out.
     * @return array<int, array<string, mixed>>
     */
    public static function lineItems(PaymentRequest $request): array
    {
        $currency = strtolower($request->currency);
        $recurring = $request->recurring !== null ? ['recurring' => ['interval' => $request->recurring['interval']]] : [];
        if (self::itemisable($request->lines, $request->total)) {
            $items = [];
            foreach ($request->lines as $line) {
                if ((int) $line['amount'] === 0) {
                    continue;
                }
                $items[] = [
                    'quantity' => (int) $line['quantity'],
                    'price_data' => [
                        'currency' => $currency,
                        'unit_amount' => (int) $line['unitAmount'],
                        'product_data' => ['name' => self::clip((string) $line['label'], self::NAME_MAX)],
                    ] + $recurring,
                ];
            }
            return $items;
        }
        $described = array_map(static function (array $line): string {
            return (int) $line['quantity'] > 1 ? $line['quantity'] . ' × ' . $line['label'] : (string) $line['label'];
        }, $request->lines);
        $description = implode(', ', $described);
        $name = ($request->locale === 'en' ? 'Order ' : 'Commande ') . $request->reference;
        $product = ['name' => self::clip($name, self::NAME_MAX)];
        if ($description !== '') {
            $product['description'] = self::clip($description, self::DESCRIPTION_MAX);
        }
        return [[
            'quantity' => 1,
            'price_data' => ['currency' => $currency, 'unit_amount' => $request->total, 'product_data' => $product] + $recurring,
        ]];
    }

    /** @param array<int, array<string, mixed>> $lines */
    private static function itemisable(array $lines, int $total): bool
    {
        $sum = 0;
        $charged = 0;
        foreach ($lines as $line) {
            if ((int) $line['amount'] === 0) {
                continue;
            }
            $charged++;
            if ((int) $line['unitAmount'] <= 0 || (int) $line['unitAmount'] * (int) $line['quantity'] !== (int) $line['amount']) {
                return false;
            }
            $sum += (int) $line['amount'];
        }
        return $charged > 0 && $sum === $total;
    }

    /** Clips in UTF-16 units like the TypeScript side, ending with an ellipsis. */
    private static function clip(string $text, int $max): string
    {
        if (Js::length($text) <= $max) {
            return $text;
        }
        $out = '';
        $units = 0;
        foreach (preg_split('//u', $text, -1, PREG_SPLIT_NO_EMPTY) ?: [] as $char) {
            $width = strlen($char) === 4 ? 2 : 1;
            if ($units + $width > $max - 1) {
                break;
            }
            $out .= $char;
            $units += $width;
        }
        return $out . '…';
    }
}
