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
     * The settings of one payment provider, or null when it is not configured on this site; the shapes are
     * those of ProviderSettings in backend-adapter/src/providers/settings.ts:
     * stripe: secretKey, publishableKey, webhookSecret, uiMode ('embedded_page'|'elements'), apiBase?, sepa?;
     * simulation: enabled (bool), secret (≥ 16 chars, signs client secrets and events);
     * offline: cheque? {payee, address}, transfer? {iban, bic, holder}, cash? {text: LocalizedText}.
     * @return array<string, mixed>|null
     */
    public function provider(string $providerId): ?array;
}
