<?php

declare(strict_types=1);

namespace Guichet\Adapter\Receipts;

use Guichet\Adapter\Domain\Money;

/**
 * The e-mail that brings a donor their receipt, in French or English: the number, the amount and the signed
 * link to the PDF. Plain text (Ports\Mailer); the link is the only credential in it.
 */
final class ReceiptEmail
{
    /**
     * @param array<string, mixed> $receipt
     * @return array{subject: string, body: string}
     */
    public static function compose(array $receipt, string $url, string $locale): array
    {
        $en = $locale === 'en';
        $number = (string) $receipt['number'];
        $organization = (string) ($receipt['document']['beneficiary']['name'] ?? '');
        $amount = Money::format((int) $receipt['amount'], (string) $receipt['currency'], $en ? 'en' : 'fr');
        $old = (string) ($receipt['replaces'] ?? '');
        switch ($receipt['kind']) {
            case 'cancellation':
                $subject = $en ? "Tax receipt $old cancelled" : "Reçu fiscal $old annulé";
                $lead = $en
                    ? "Your tax receipt no. $old for $amount has been cancelled, following the refund of your gift. Please do not use it for your tax return. The cancellation notice (no. $number) is here:"
                    : "Votre reçu fiscal n° $old de $amount est annulé, à la suite du remboursement de votre don. Merci de ne pas l'utiliser pour votre déclaration de revenus. L'avis d'annulation (n° $number) est ici :";
                break;
            case 'correction':
                $subject = $en ? "Your corrected tax receipt $number" : "Votre reçu fiscal rectifié n° $number";
                $lead = $en
                    ? "Your tax receipt no. $old is replaced by receipt no. $number for $amount. Please use the new one for your tax return:"
                    : "Votre reçu fiscal n° $old est annulé et remplacé par le reçu n° $number de $amount. Merci d'utiliser ce nouveau reçu pour votre déclaration de revenus :";
                break;
            case 'annual':
                $subject = $en ? "Your yearly tax receipt $number" : "Votre reçu fiscal annuel n° $number";
                $lead = $en
                    ? "Thank you for your regular support. Your tax receipt no. $number for the gifts of the past year ($amount) is here:"
                    : "Merci pour votre soutien régulier. Votre reçu fiscal n° $number pour vos dons de l'année écoulée ($amount) est ici :";
                break;
            default:
                $subject = $en ? "Your tax receipt $number" : "Votre reçu fiscal n° $number";
                $lead = $en
                    ? "Thank you for your gift. Your tax receipt no. $number for $amount is here:"
                    : "Merci pour votre don. Votre reçu fiscal n° $number de $amount est ici :";
        }
        $keep = $en
            ? 'This link is personal. Keep the PDF with your tax papers: it is what the tax office may ask for.'
            : 'Ce lien vous est personnel. Conservez le PDF avec vos papiers fiscaux : c\'est lui que l\'administration peut vous demander.';
        return [
            'subject' => $organization === '' ? $subject : $subject . ' — ' . $organization,
            'body' => $lead . "\n\n" . $url . "\n\n" . $keep . "\n\n" . $organization . "\n",
        ];
    }
}
