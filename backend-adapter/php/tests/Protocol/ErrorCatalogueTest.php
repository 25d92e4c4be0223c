<?php

declare(strict_types=1);

namespace Guichet\Adapter\Tests\Protocol;

use Guichet\Adapter\Protocol\ErrorCatalogue;
use Guichet\Adapter\Protocol\FieldError;
use Guichet\Adapter\Protocol\ProtocolError;
use Guichet\Adapter\Tests\Support\Node;
use PHPUnit\Framework\TestCase;

final class ErrorCatalogueTest extends TestCase
{
    public function testFillsTheFieldLabelInThePayersLanguage(): void
    {
        $catalogue = ErrorCatalogue::shared();
        self::assertSame('E-mail : ce champ est obligatoire.', $catalogue->message('required', 'fr', [], 'payer.email'));
        self::assertSame('Email: this field is required.', $catalogue->message('required', 'en', [], 'payer.email'));
    }

    public function testFindsTheLabelOfAListItemField(): void
    {
        $catalogue = ErrorCatalogue::shared();
        self::assertSame('Quantité', $catalogue->fieldLabel('tickets.items.3.quantity', 'fr'));
        self::assertSame("Attendee's last name", $catalogue->fieldLabel('tickets.attendees.12.lastName', 'en'));
        self::assertSame('donation.unknown', $catalogue->fieldLabel('donation.unknown', 'en'));
    }

    public function testLeavesUnknownPlaceholdersAsTheyAre(): void
    {
        $message = ErrorCatalogue::shared()->message('not_enough_available', 'en', ['available' => 2], 'tickets.items.0.quantity');
        self::assertSame('Quantity: only 2 seat(s) left for “{name}”.', $message);
    }

    public function testAnErrorResponseCarriesEveryFieldErrorWithItsMessage(): void
    {
        $error = ProtocolError::validation([
            new FieldError('required', 'payer.lastName'),
            new FieldError('too_long', 'donation.dedication', ['max' => 500]),
        ]);
        self::assertSame(422, $error->status());
        self::assertSame([
            'error' => [
                'code' => 'validation_failed',
                'message' => 'Certains champs sont à corriger.',
                'errors' => [
                    ['code' => 'required', 'field' => 'payer.lastName', 'message' => 'Nom : ce champ est obligatoire.'],
                    ['code' => 'too_long', 'field' => 'donation.dedication', 'message' => 'Message de dédicace : 500 caractères au maximum.'],
                ],
            ],
        ], $error->toResponse(ErrorCatalogue::shared(), 'fr'));
    }

    /** Every code, both languages, with and without a field: the PHP renderer writes what errorMessage() writes. */
    public function testRendersEveryMessageExactlyLikeTheTypeScriptCatalogue(): void
    {
        if (!Node::available()) {
            self::markTestSkipped('node (with tsx in node_modules) is needed for the TypeScript cross-check');
        }
        $catalogue = ErrorCatalogue::shared();
        $params = ['max' => 20, 'min' => '5,00 €', 'name' => 'Concert', 'available' => 3, 'currency' => 'EUR',
            'total' => '12,00 €', 'from' => 'paid', 'to' => 'pending'];
        $cases = [];
        foreach ($catalogue->codes() as $code) {
            foreach (['fr', 'en'] as $locale) {
                $cases[] = [$code, $locale, $params, null];
                $cases[] = [$code, $locale, [], 'membership.members.1.lastName'];
                $cases[] = [$code, $locale, ['field' => 'X'], 'payer.email'];
            }
        }
        $source = <<<'TS'
import { readFileSync } from 'node:fs';
import { errorMessage } from '@repo/backend-adapter/src/protocol/messages.ts';
const cases = JSON.parse(readFileSync(0, 'utf8'));
process.stdout.write(JSON.stringify(cases.map(([code, locale, params, field]) =>
  errorMessage(code, locale, Array.isArray(params) ? {} : params, field ?? undefined))));
TS;
        $expected = json_decode(Node::evaluate($source, $cases), true);
        $actual = array_map(static function (array $c) use ($catalogue): string {
            return $catalogue->message($c[0], $c[1], $c[2], $c[3]);
        }, $cases);
        self::assertSame($expected, $actual);
    }
}
