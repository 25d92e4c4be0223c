<?php

declare(strict_types=1);

namespace Guichet\Adapter\Ports;

/**
 * The site's configuration as the host stores it (WordPress options, SPIP metas, a config file…).
 * Secrets returned here go to providers only; the adapter never echoes them in a response or a log.
 */
interface Settings
{
    /** The association's public name, shown on forms and receipts. */
    public function organizationName(): string;

    /** Absolute URL of the protocol routes, without a trailing slash (e.g. https://asso.example/wp-json/guichet/v1). */
    public function apiBaseUrl(): string;

    /** 'fr' or 'en': used when a request names no language. */
    public function defaultLocale(): string;

    /**
     * The settings of one payment provider, or null when it is not enabled on this site.
     * stripe: secretKey, publishableKey, webhookSecret, uiMode ('embedded_page'|'elements'), apiBase (optional);
     * simulation: [] when enabled;
     * offline: payee, address, iban, bic (each optional) and methods (list of 'cheque'|'transfer'|'cash').
     * @return array<string, mixed>|null
     */
    public function provider(string $providerId): ?array;

    /** A long random per-site key for the adapter's own signatures (simulation client secrets). Never shown. */
    public function siteSecret(): string;
}
