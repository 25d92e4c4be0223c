<?php

declare(strict_types=1);

namespace Guichet\Adapter\Domain\Validation;

use Guichet\Adapter\Domain\Forms\FormStatus;
use Guichet\Adapter\Domain\Money;
use Guichet\Adapter\Domain\OrderContext;
use Guichet\Adapter\Domain\Pricing\TaxEligibility;
use Guichet\Adapter\Protocol\FieldError;

/** Every rule an order must meet, all problems at once (validation/order.ts). */
final class OrderValidator
{
    /**
     * Either nothing (valid), or exactly one top-level error that makes the rest moot (form_closed,
     * form_not_yet_open, bad_request for another kind of form, currency_mismatch for an unknown form currency),
     * or any number of field errors, answered together as one 422 validation_failed. amount_mismatch needs the
     * price: see Pricing::quoteOrder.
     * @param array<string, mixed> $form FormConfig
     * @param array<string, mixed> $request OrderRequest
     * @return FieldError[]
     */
    public static function validate(array $form, array $request, OrderContext $ctx): array
    {
        $status = FormStatus::schedule($form, $ctx->now);
        if ($status === 'closed') {
            return [new FieldError('form_closed')];
        }
        if ($status === 'not_yet_open') {
            return [new FieldError('form_not_yet_open')];
        }
        if (($request['kind'] ?? null) !== $form['kind']) {
            return [new FieldError('bad_request', 'kind')];
        }
        if (!Money::isKnownCurrency((string) $form['currency'])) {
            return [new FieldError('currency_mismatch', null, ['currency' => (string) $form['currency']])];
        }

        $errors = PaymentChoice::validate($form, $request['payment'] ?? []);
        $addressRequired = false;
        if ($form['kind'] === 'donation') {
            array_push($errors, ...DonationRules::validate($form, $request, $ctx->locale));
            $addressRequired = TaxEligibility::receiptIssued($form, $request);
        } elseif ($form['kind'] === 'membership') {
            array_push($errors, ...MembershipRules::validate($form, $request, $ctx));
            $addressRequired = TaxEligibility::receiptIssued($form, $request);
        } elseif ($form['kind'] === 'tickets') {
            array_push($errors, ...TicketsRules::validate($form, $request, $ctx));
        }
        return array_merge(Payer::validate($request['payer'] ?? [], $addressRequired), $errors);
    }
}
