<?php

declare(strict_types=1);

namespace Guichet\Adapter\Providers\Offline;

use Guichet\Adapter\Domain\Money;
use Guichet\Adapter\Domain\Text;

/**
 * What the payer reads after choosing a cheque, a transfer or cash (providers/offline/instructions.ts): who to
 * pay, how much, and the reference that lets the treasurer match the money to the order.
 */
final class Instructions
{
    /** IBANs in groups of four, as on a bank statement. */
    public static function formatIban(string $iban): string
    {
        return trim((string) preg_replace('/(.{4})/', '$1 ', (string) preg_replace('/\s+/', '', $iban)));
    }

    /**
     * @param array<string, mixed> $settings OfflineSettings
     * @param array{total: int, currency: string, reference: string, locale: string} $order
     * @return array<string, string>|null OfflineInstructions
     */
    public static function forMethod(string $method, array $settings, array $order): ?array
    {
        $locale = $order['locale'] === 'en' ? 'en' : 'fr';
        $amount = Money::format($order['total'], $order['currency'], $locale);
        $reference = $order['reference'];
        switch ($method) {
            case 'cheque':
                if (!isset($settings['cheque'])) {
                    return null;
                }
                $payee = (string) $settings['cheque']['payee'];
                $address = (string) $settings['cheque']['address'];
                $text = $locale === 'fr'
                    ? "Envoyez un chèque de {$amount} à l'ordre de « {$payee} » à l'adresse suivante : {$address}. "
                        . "Inscrivez la référence {$reference} au dos du chèque. Votre commande sera validée à sa réception."
                    : "Send a cheque for {$amount} payable to “{$payee}” to this address: {$address}. "
                        . "Write the reference {$reference} on the back of the cheque. Your order is confirmed when it arrives.";
                return ['payee' => $payee, 'address' => $address, 'reference' => $reference, 'text' => $text];
            case 'transfer':
                if (!isset($settings['transfer'])) {
                    return null;
                }
                $holder = (string) $settings['transfer']['holder'];
                $iban = self::formatIban((string) $settings['transfer']['iban']);
                $bic = (string) $settings['transfer']['bic'];
                $text = $locale === 'fr'
                    ? "Faites un virement de {$amount} à « {$holder} » (IBAN {$iban}, BIC {$bic}) "
                        . "avec la référence {$reference} dans le libellé. Votre commande sera validée à réception du virement."
                    : "Make a bank transfer of {$amount} to “{$holder}” (IBAN {$iban}, BIC {$bic}) "
                        . "with the reference {$reference} as its description. Your order is confirmed when the money arrives.";
                return ['payee' => $holder, 'iban' => $iban, 'bic' => $bic, 'reference' => $reference, 'text' => $text];
            case 'cash':
                if (!isset($settings['cash'])) {
                    return null;
                }
                $where = Text::resolve($settings['cash']['text'] ?? '', $locale);
                $tail = $where !== '' ? ' ' . $where : '';
                $text = $locale === 'fr'
                    ? "Réglez {$amount} en espèces en donnant la référence {$reference}.{$tail}"
                    : "Pay {$amount} in cash, giving the reference {$reference}.{$tail}";
                return ['reference' => $reference, 'text' => $text];
        }
        return null;
    }
}
