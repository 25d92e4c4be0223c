<?php

declare(strict_types=1);

namespace Guichet\Adapter\Domain\Validation;

use Guichet\Adapter\Domain\Instant;
use Guichet\Adapter\Domain\Money;
use Guichet\Adapter\Domain\OrderContext;
use Guichet\Adapter\Protocol\FieldError;

/** Tier, members and extra gift of a membership (validation/membership.ts). */
final class MembershipRules
{
    /**
     * @param array<string, mixed> $form
     * @param array<string, mixed> $request
     * @return FieldError[]
     */
    public static function validate(array $form, array $request, OrderContext $ctx): array
    {
        $errors = [];
        $settings = $form['membership'];
        $membership = $request['membership'];
        $currency = $form['currency'];

        $tier = self::tier($form, $membership['tierId'] ?? null);
        if ($tier === null) {
            $errors[] = new FieldError('tier_not_found', 'membership.tierId');
        } elseif ($tier['price']['type'] === 'range') {
            if (!array_key_exists('amount', $membership)) {
                $errors[] = new FieldError('required', 'membership.amount');
            } else {
                $error = Amounts::error(
                    $membership['amount'],
                    (int) $tier['price']['minimum'],
                    (int) $tier['price']['maximum'],
                    'membership.amount',
                    $currency,
                    $ctx->locale
                );
                if ($error !== null) {
                    $errors[] = $error;
                }
            }
        }

        // The household limit holds even when the tier is priced once per order.
        $members = is_array($membership['members'] ?? null) ? $membership['members'] : [];
        if ($members === []) {
            $errors[] = new FieldError('required', 'membership.members');
        } elseif (count($members) > (int) $settings['maxMembers']) {
            $errors[] = new FieldError('too_many_members', 'membership.members', ['max' => (int) $settings['maxMembers']]);
        }
        $today = substr(Instant::format($ctx->now), 0, 10);
        foreach (array_values($members) as $index => $member) {
            $at = 'membership.members.' . $index;
            Payer::requireText($errors, $member['firstName'] ?? null, Payer::LIMITS['name'], $at . '.firstName');
            Payer::requireText($errors, $member['lastName'] ?? null, Payer::LIMITS['name'], $at . '.lastName');
            $email = Payer::emailError($member['email'] ?? null, $at . '.email', true);
            if ($email !== null) {
                $errors[] = $email;
            }
            if (array_key_exists('birthDate', $member)) {
                $birth = $member['birthDate'];
                if (!is_string($birth) || !Fields::isValidDate($birth) || strcmp($birth, $today) > 0) {
                    $errors[] = new FieldError('invalid_date', $at . '.birthDate');
                }
            }
            array_push($errors, ...CustomFields::validate($settings['fields'] ?? [], $member['fields'] ?? null, $at . '.fields', $ctx->locale));
        }

        $extra = $membership['extraDonation'] ?? null;
        if (array_key_exists('extraDonation', $membership) && $extra !== 0 && $extra !== 0.0) {
            if (empty($settings['allowExtraDonation'])) {
                $errors[] = new FieldError('extra_donation_not_allowed', 'membership.extraDonation');
            } else {
                $error = Amounts::error($extra, 0, Money::MAX_MINOR_AMOUNT, 'membership.extraDonation', $currency, $ctx->locale);
                if ($error !== null) {
                    $errors[] = $error;
                }
            }
        }
        if (($membership['taxReceipt'] ?? null) === true && ($form['taxReceipt']['enabled'] ?? null) !== true) {
            $errors[] = new FieldError('tax_receipt_not_available', 'membership.taxReceipt');
        }
        return $errors;
    }

    /**
     * @param array<string, mixed> $form
     * @param mixed $tierId
     * @return array<string, mixed>|null
     */
    public static function tier(array $form, $tierId): ?array
    {
        foreach ($form['membership']['tiers'] as $tier) {
            if ($tier['id'] === $tierId) {
                return $tier;
            }
        }
        return null;
    }
}
