<?php
/**
 * The plugin's tax receipt pieces inside a real WordPress (options, sanitizing, the donor form, the January run's
 * year, the signed link's URL). Run by tests/wp/receipts-store.test.ts, which boots a site and passes its folder
 * and host in GUICHET_WP_SITE and GUICHET_WP_HOST; no phpunit.xml here, since the suite needs that site.
 */

declare(strict_types=1);

namespace Guichet\WordPress\Tests;

use Guichet\WordPress\Admin\CorrectDonorForm;
use Guichet\WordPress\Admin\ReceiptSettingsInput;
use Guichet\WordPress\AnnualReceipts;
use Guichet\WordPress\Ports\OptionsSettings;
use Guichet\WordPress\Ports\ReceiptOptions;
use Guichet\WordPress\Rest\ReceiptRoute;
use PHPUnit\Framework\TestCase;

$_SERVER['HTTP_HOST'] = (string) getenv('GUICHET_WP_HOST');
require_once getenv('GUICHET_WP_SITE') . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/template.php'; // add_settings_error, as on options.php

final class ReceiptPiecesTest extends TestCase
{
    private const COMPLETE = [
        'address' => ['line1' => '12 rue des Écoles', 'line2' => '', 'postalCode' => '75005', 'city' => 'Paris', 'country' => 'FR'],
        'object' => 'Faire vivre un jardin partagé.',
        'status' => 'general_interest',
        'statusDetail' => '',
        'prefix' => '',
        'signatoryName' => 'Claude Petit',
        'signatoryRole' => 'Trésorière',
        'signatureId' => 0,
    ];

    /** @param array<string, mixed> $receipts */
    private static function options(array $receipts): ReceiptOptions
    {
        return new ReceiptOptions(['organization' => ['name' => 'Les Amis du Jardin'], 'receipts' => $receipts]);
    }

    protected function setUp(): void
    {
        global $wp_settings_errors;
        $wp_settings_errors = [];
    }

    public function testACompleteIssuerIsTheAssociationsNameWithTheReceiptSettings(): void
    {
        $issuer = self::options(self::COMPLETE)->receiptIssuer();
        self::assertSame([
            'name' => 'Les Amis du Jardin',
            'address' => ['line1' => '12 rue des Écoles', 'postalCode' => '75005', 'city' => 'Paris', 'country' => 'FR'],
            'object' => 'Faire vivre un jardin partagé.',
            'status' => 'general_interest',
            'signatory' => ['name' => 'Claude Petit', 'role' => 'Trésorière'],
        ], $issuer);
    }

    public function testAnIncompleteIssuerIssuesNothingAndNamesEachFieldToFix(): void
    {
        $receipts = array_replace_recursive(self::COMPLETE, ['address' => ['postalCode' => ''], 'signatoryRole' => '']);
        $options = self::options($receipts);
        self::assertNull($options->receiptIssuer());
        $problems = ReceiptOptions::problems($options->issuer());
        self::assertArrayHasKey('address.postalCode', $problems);
        self::assertArrayHasKey('signatory.role', $problems);
        self::assertArrayNotHasKey('address.city', $problems);
    }

    public function testNothingTypedMeansNotStartedSoNoFieldIsFlaggedYet(): void
    {
        self::assertFalse(self::options([])->started());
        self::assertNull(self::options([])->receiptIssuer());
        self::assertTrue(self::options(['signatoryName' => 'Claude'])->started());
    }

    public function testTheObjectTypedBeforeReceiptsExistedIsUsedUntilOneIsTyped(): void
    {
        $options = new ReceiptOptions(['organization' => ['name' => 'X', 'object' => 'Ancien objet'], 'receipts' => []]);
        self::assertSame('Ancien objet', $options->issuer()['object']);
    }

    public function testTheLinkSecretIsMadeOnceKeptOutOfAutoloadAndStable(): void
    {
        delete_option(ReceiptOptions::SECRET_OPTION);
        $secret = ReceiptOptions::linkSecret();
        self::assertMatchesRegularExpression('/^[A-Za-z0-9]{64}$/', $secret);
        self::assertSame($secret, (new ReceiptOptions([]))->receiptLinkSecret());
        global $wpdb;
        $autoload = $wpdb->get_var($wpdb->prepare("SELECT autoload FROM {$wpdb->options} WHERE option_name = %s", ReceiptOptions::SECRET_OPTION));
        self::assertContains($autoload, ['no', 'off']);
    }

    public function testTheReceiptUrlIsTheRestRouteWithItsToken(): void
    {
        $url = ReceiptRoute::url('rcp_0123456789abcdef01234567', str_repeat('ab', 32));
        self::assertSame(rest_url('guichet/v1/receipts/rcp_0123456789abcdef01234567') . '?token=' . str_repeat('ab', 32), $url);
    }

    public function testTheSanitizerKeepsWhatWasTypedEvenIncompleteAndSaysSo(): void
    {
        $out = ReceiptSettingsInput::sanitize([
            'address' => ['line1' => ' 12 rue des Écoles ', 'postalCode' => '', 'city' => 'Paris', 'country' => 'fr'],
            'object' => "Jardin\npartagé",
            'status' => 'not_a_status',
            'prefix' => 'rf',
            'signatoryName' => '<b>Claude</b>',
        ], ['signatureId' => 0]);
        self::assertSame('12 rue des Écoles', $out['address']['line1']);
        self::assertSame('FR', $out['address']['country']);
        self::assertSame("Jardin\npartagé", $out['object']);
        self::assertSame('', $out['status']);
        self::assertSame('RF', $out['prefix']);
        self::assertSame('Claude', $out['signatoryName']);
        self::assertSame(0, $out['signatureId']);
        $errors = get_settings_errors(OptionsSettings::OPTION);
        self::assertSame(['guichet_receipts'], array_column($errors, 'code'));
    }

    public function testTheSanitizerAcceptsALibraryImageOnlyWhenItIsJpegOrPng(): void
    {
        $pdf = wp_insert_attachment(['post_mime_type' => 'application/pdf', 'post_title' => 'statuts', 'post_status' => 'inherit']);
        $png = wp_insert_attachment(['post_mime_type' => 'image/png', 'post_title' => 'signature', 'post_status' => 'inherit']);
        self::assertSame(7, ReceiptSettingsInput::sanitize(['signatureId' => (string) $pdf], ['signatureId' => 7])['signatureId']);
        self::assertSame($png, ReceiptSettingsInput::sanitize(['signatureId' => (string) $png], ['signatureId' => 7])['signatureId']);
        self::assertSame(0, ReceiptSettingsInput::sanitize(['signatureId' => (string) $png, 'clear' => ['signatureId' => '1']], ['signatureId' => $png])['signatureId']);
    }

    public function testTheCorrectionFormGivesAnIndividualOrACompanyDonor(): void
    {
        $address = ['line1' => ' 3 rue des Lilas ', 'line2' => '', 'postalCode' => '69003', 'city' => 'Lyon', 'country' => 'fr'];
        self::assertSame(
            ['type' => 'individual', 'firstName' => 'Camille', 'lastName' => 'Martin', 'address' => ['line1' => '3 rue des Lilas', 'postalCode' => '69003', 'city' => 'Lyon', 'country' => 'FR']],
            CorrectDonorForm::donor(['type' => 'individual', 'firstName' => 'Camille', 'lastName' => 'Martin', 'address' => $address])
        );
        self::assertSame(
            ['type' => 'company', 'name' => 'Boulangerie Dupont', 'siren' => '123456789', 'address' => ['line1' => '3 rue des Lilas', 'line2' => 'Bât. B', 'postalCode' => '69003', 'city' => 'Lyon', 'country' => 'FR']],
            CorrectDonorForm::donor(['type' => 'company', 'name' => 'Boulangerie Dupont', 'siren' => '123456789', 'address' => array_replace($address, ['line2' => 'Bât. B'])])
        );
    }

    public function testTheJanuaryRunCoversThePreviousParisYearUntilDone(): void
    {
        delete_option(AnnualReceipts::DONE_OPTION);
        // 31 December 23:30 UTC is already 1 January in Paris.
        self::assertSame(2026, AnnualReceipts::due(new \DateTimeImmutable('2026-12-31T23:30:00Z')));
        self::assertSame(2025, AnnualReceipts::due(new \DateTimeImmutable('2026-12-31T22:30:00Z')));
        update_option(AnnualReceipts::DONE_OPTION, 2026, false);
        self::assertNull(AnnualReceipts::due(new \DateTimeImmutable('2027-03-01T10:00:00Z')));
        self::assertSame(2027, AnnualReceipts::due(new \DateTimeImmutable('2028-01-02T10:00:00Z')));
        delete_option(AnnualReceipts::DONE_OPTION);
    }
}
