<?php

declare(strict_types=1);

namespace Guichet\Adapter\Orders;

use Guichet\Adapter\Domain\Text;
use Guichet\Adapter\Protocol\ErrorCatalogue;

/** The protocol's OrderStatus of an order, for the payer holding its token: no e-mail, no address, no secret. */
final class OrderView
{
    /** Provider failure codes with their own message; any other decline reads as a plain decline. */
    private const FAILURE_MESSAGES = ['authentication_failed' => 'authentication_failed', 'provider_error' => 'provider_error'];

    /**
     * @param array<string, mixed> $order
     * @param array<string, mixed>|null $form
     * @param array{number: string, url: string}|null $receipt the order's tax receipt, when the host issues them
     * @return array<string, mixed>
     */
    public static function status(array $order, string $locale, ?array $form, ErrorCatalogue $catalogue, ?array $receipt = null): array
    {
        $view = [
            'id' => $order['id'],
            'formId' => $order['formId'],
            'kind' => $order['kind'],
            'status' => $order['status'],
            'currency' => $order['currency'],
            'lines' => $order['lines'],
            'total' => $order['total'],
            'refundedAmount' => $order['refundedAmount'],
        ];
        if (!empty($order['recurring'])) {
            $view['recurring'] = $order['recurring'];
        }
        $view += [
            'provider' => $order['provider'],
            'createdAt' => $order['createdAt'],
            'paidAt' => $order['paidAt'],
            'expiresAt' => $order['expiresAt'],
            'failure' => null,
        ];
        if ($order['status'] === 'failed' && !empty($order['failureCode'])) {
            $code = self::FAILURE_MESSAGES[$order['failureCode']] ?? 'payment_declined';
            // The payer sees a catalogue code; the processor's own reason (insufficient_funds…) stays for the treasurer.
            $view['failure'] = ['code' => $code, 'message' => $catalogue->message($code, $locale)];
        }
        if ($order['status'] === 'pending' && !empty($order['next'])) {
            $view['next'] = $order['next'];
        }
        if ($order['status'] === 'paid' && !empty($order['tickets'])) {
            $view['tickets'] = array_map(static function (array $ticket) use ($form, $locale): array {
                $label = $ticket['typeId'];
                foreach ($form['tickets']['types'] ?? [] as $type) {
                    if ($type['id'] === $ticket['typeId']) {
                        $label = Text::resolve($type['name'], $locale);
                    }
                }
                $issued = ['id' => $ticket['id'], 'typeId' => $ticket['typeId'], 'label' => $label];
                $names = array_filter([$ticket['firstName'] ?? null, $ticket['lastName'] ?? null]);
                if ($names !== []) {
                    $issued['attendee'] = implode(' ', $names);
                }
                $issued['code'] = $ticket['code'];
                return $issued;
            }, $order['tickets']);
        }
        if ($receipt !== null) {
            $view['receipt'] = ['number' => (string) $receipt['number'], 'url' => (string) $receipt['url']];
        }
        return $view;
    }
}
