<?php

declare(strict_types=1);

namespace Guichet\Adapter\Domain\Receipts;

use Guichet\Adapter\Domain\Js;
use Guichet\Adapter\Domain\Validation\Fields;
use Guichet\Adapter\Domain\Validation\Payer;
use Guichet\Adapter\Protocol\FieldError;

/**
 * What a receipt says (receipts/receipt-document.ts): the donor from the payer's request, the cerfa's
 * payment box, the frozen document, and the check of the issuer settings. Arrays with the keys of
 * ReceiptDonor / ReceiptDocument in types.ts; optional keys are absent, never null (the ledger hash covers them).
 */
final class ReceiptDocuments
{
    public const ISSUER_LIMITS = [
        'name' => 200,
        'object' => 500,
        'statusDetail' => 200,
        'signatory' => 100,
        'prefix' => 8,
        'signatureImage' => 500000,
    ];

    public const BENEFICIARY_STATUSES = ['general_interest', 'public_utility', 'food_aid_or_care',
        'cultural_or_festival', 'religious_alsace_moselle', 'research', 'higher_education', 'corporate_foundation', 'other'];

    private const DETAIL_REQUIRED = ['public_utility', 'other'];

    /**
     * The company when the payer gave one (art. 238 bis), else the person (art. 200); null without a postal
     * address. @param array<string, mixed> $request an OrderRequest @return array<string, mixed>|null
     */
    public static function donor(array $request): ?array
    {
        $payer = (array) ($request['payer'] ?? []);
        if (!isset($payer['address']) || !is_array($payer['address'])) {
            return null;
        }
        $company = isset($payer['company']) && is_string($payer['company']) ? Js::trim($payer['company']) : '';
        if ($company !== '') {
            return ['type' => 'company', 'name' => $company, 'address' => self::address($payer['address'])];
        }
        return [
            'type' => 'individual',
            'firstName' => Js::trim((string) ($payer['firstName'] ?? '')),
            'lastName' => Js::trim((string) ($payer['lastName'] ?? '')),
            'address' => self::address($payer['address']),
        ];
    }

    /** cheque → cheque, cash → cash, every online payment and transfer → transfer_debit_card. */
    public static function paymentMethod(string $provider, ?string $offlineMethod): string
    {
        if ($provider === 'offline' && ($offlineMethod === 'cheque' || $offlineMethod === 'cash')) {
            return $offlineMethod;
        }
        return 'transfer_debit_card';
    }

    /**
     * The frozen document of a receipt. $input: issuer, donor, amount, currency, paidOn (YYYY-MM-DD or an
     * instant) xor period {from, to}, paymentMethod, issuedAt (instant), replaces? {number, reason}.
     * @param array<string, mixed> $input
     * @return array<string, mixed>
     */
    public static function build(array $input): array
    {
        $issuer = $input['issuer'];
        $donor = $input['donor'];
        if (($input['currency'] ?? null) !== 'EUR') {
            throw new \InvalidArgumentException('Tax receipts are in euros, not ' . json_encode($input['currency'] ?? null));
        }
        if (!is_int($input['amount'] ?? null)) {
            throw new \InvalidArgumentException('A receipt amount is an integer in cents');
        }
        $hasPaidOn = isset($input['paidOn']);
        if ($hasPaidOn === isset($input['period'])) {
            throw new \InvalidArgumentException('A receipt has either the date of one gift (paidOn) or a period');
        }
        $beneficiary = [
            'name' => (string) $issuer['name'],
            'address' => self::address($issuer['address']),
            'object' => (string) $issuer['object'],
            'status' => (string) $issuer['status'],
        ];
        if (isset($issuer['statusDetail']) && Js::trim((string) $issuer['statusDetail']) !== '') {
            $beneficiary['statusDetail'] = (string) $issuer['statusDetail'];
        }
        $document = [
            'version' => 1,
            'variant' => (string) $donor['type'],
            'beneficiary' => $beneficiary,
            'donor' => $donor,
            'amount' => $input['amount'],
            'currency' => 'EUR',
            'amountInWords' => AmountInWords::french($input['amount'], 'EUR'),
            'cgiArticles' => $donor['type'] === 'company' ? ['238 bis'] : ['200'],
            'form' => 'manual_gift_declaration',
            'nature' => 'cash_money',
            'paymentMethod' => (string) $input['paymentMethod'],
            'issuedOn' => ReceiptDates::day($input['issuedAt']),
            'signatory' => ['name' => (string) $issuer['signatory']['name'], 'role' => (string) $issuer['signatory']['role']],
        ];
        if ($hasPaidOn) {
            $document['paidOn'] = self::day($input['paidOn'], 'paidOn');
        } else {
            $document['period'] = [
                'from' => self::day($input['period']['from'], 'period.from'),
                'to' => self::day($input['period']['to'], 'period.to'),
            ];
        }
        if (isset($issuer['signatureImage'])) {
            $document['signatureImage'] = ['type' => (string) $issuer['signatureImage']['type'], 'data' => (string) $issuer['signatureImage']['data']];
        }
        if (isset($input['replaces'])) {
            $document['replaces'] = ['number' => (string) $input['replaces']['number'], 'reason' => (string) $input['replaces']['reason']];
        }
        return $document;
    }

    /**
     * Every problem of the issuer settings at once, as {code, field, params?} arrays (codes required,
     * too_long {max}, invalid_choice, invalid_postal_code, invalid_country). Empty: receipts can be issued.
     * @param mixed $input half-filled settings are fine
     * @return array<int, array{code: string, field: string, params?: array<string, int|string>}>
     */
    public static function validateIssuer($input): array
    {
        $issuer = is_array($input) ? $input : [];
        $errors = [];
        Payer::requireText($errors, $issuer['name'] ?? null, self::ISSUER_LIMITS['name'], 'name');
        $address = isset($issuer['address']) && is_array($issuer['address']) ? $issuer['address'] : [];
        array_push($errors, ...Payer::validateAddress($address, 'address'));
        Payer::requireText($errors, $issuer['object'] ?? null, self::ISSUER_LIMITS['object'], 'object');
        $status = $issuer['status'] ?? null;
        if (Js::isBlank($status)) {
            $errors[] = new FieldError('required', 'status');
        } elseif (!in_array($status, self::BENEFICIARY_STATUSES, true)) {
            $errors[] = new FieldError('invalid_choice', 'status');
        }
        if (is_string($status) && in_array($status, self::DETAIL_REQUIRED, true)) {
            Payer::requireText($errors, $issuer['statusDetail'] ?? null, self::ISSUER_LIMITS['statusDetail'], 'statusDetail');
        } else {
            Payer::optionalText($errors, $issuer['statusDetail'] ?? null, self::ISSUER_LIMITS['statusDetail'], 'statusDetail');
        }
        $signatory = isset($issuer['signatory']) && is_array($issuer['signatory']) ? $issuer['signatory'] : [];
        Payer::requireText($errors, $signatory['name'] ?? null, self::ISSUER_LIMITS['signatory'], 'signatory.name');
        Payer::requireText($errors, $signatory['role'] ?? null, self::ISSUER_LIMITS['signatory'], 'signatory.role');
        $prefix = $issuer['prefix'] ?? null;
        if ($prefix !== null && $prefix !== '') {
            if (is_string($prefix) && Js::length($prefix) > self::ISSUER_LIMITS['prefix']) {
                $errors[] = new FieldError('too_long', 'prefix', ['max' => self::ISSUER_LIMITS['prefix']]);
            } elseif (!is_string($prefix) || !preg_match('/^[A-Z]{1,8}$/D', $prefix)) {
                $errors[] = new FieldError('invalid_choice', 'prefix');
            }
        }
        if (isset($issuer['signatureImage']) && !self::usableSignature($issuer['signatureImage'])) {
            $errors[] = new FieldError('invalid_choice', 'signatureImage');
        }
        return array_map(static function (FieldError $error): array {
            return $error->toData();
        }, $errors);
    }

    /** @param mixed $image */
    private static function usableSignature($image): bool
    {
        if (!is_array($image)) {
            return false;
        }
        $type = $image['type'] ?? null;
        $data = $image['data'] ?? null;
        if (($type !== 'image/jpeg' && $type !== 'image/png') || !is_string($data) || $data === ''
            || strlen($data) > self::ISSUER_LIMITS['signatureImage']
            || !preg_match('#^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$#D', $data)) {
            return false;
        }
        $bytes = (string) base64_decode($data, true);
        if ($type === 'image/jpeg') {
            return strncmp($bytes, "\xFF\xD8\xFF", 3) === 0;
        }
        if (strlen($bytes) < 33 || strncmp($bytes, "\x89PNG\r\n\x1A\n", 8) !== 0 || substr($bytes, 12, 4) !== 'IHDR') {
            return false;
        }
        $colorType = ord($bytes[25]);
        if (ord($bytes[24]) !== 8 || ($colorType !== 0 && $colorType !== 2) || ord($bytes[28]) !== 0) {
            return false;
        }
        for ($at = 8; $at + 8 <= strlen($bytes);) {
            $name = substr($bytes, $at + 4, 4);
            if ($name === 'tRNS') {
                return false;
            }
            if ($name === 'IEND') {
                return true;
            }
            $at += 12 + unpack('N', substr($bytes, $at, 4))[1];
        }
        return false;
    }

    /** @param array<string, mixed> $from @return array<string, string> */
    private static function address(array $from): array
    {
        $out = [
            'line1' => Js::trim((string) ($from['line1'] ?? '')),
            'postalCode' => Js::trim((string) ($from['postalCode'] ?? '')),
            'city' => Js::trim((string) ($from['city'] ?? '')),
            'country' => Js::trim((string) ($from['country'] ?? '')),
        ];
        if (isset($from['line2']) && Js::trim((string) $from['line2']) !== '') {
            $out = ['line1' => $out['line1'], 'line2' => Js::trim((string) $from['line2'])] + $out;
        }
        return $out;
    }

    /** @param mixed $value YYYY-MM-DD, or an instant read in Europe/Paris */
    private static function day($value, string $name): string
    {
        if ($value instanceof \DateTimeInterface) {
            return ReceiptDates::day($value);
        }
        if (!is_string($value) || !Fields::isValidDate($value)) {
            throw new \InvalidArgumentException($name . ' is not a YYYY-MM-DD date');
        }
        return $value;
    }
}
