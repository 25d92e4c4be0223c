<?php
/**
 * The adapter's ports that SPIP provides: settings from the meta `guichet` (lire_config), logs through
 * spip_log, mail through envoyer_mail.
 */

if (!defined('_ECRIRE_INC_VERSION')) {
	return;
}

include_spip('inc/guichet_adaptateur');
include_spip('inc/config');
guichet_charger_adaptateur();

class GuichetReglagesSpip implements \Guichet\Adapter\Ports\Settings {
	public function organizationName(): string {
		return (string) lire_config('guichet/organisation/nom', lire_config('nom_site', ''));
	}

	public function apiBaseUrl(): string {
		return guichet_url_api();
	}

	public function defaultLocale(): string {
		return lire_config('guichet/langue', 'fr') === 'en' ? 'en' : 'fr';
	}

	public function provider(string $providerId): ?array {
		if ($providerId === 'simulation') {
			if (lire_config('guichet/simulation', '') !== 'oui') {
				return null;
			}
			return ['enabled' => true, 'secret' => (string) lire_config('guichet/simulation_secret', '')];
		}
		if ($providerId === 'stripe') {
			$stripe = lire_config('guichet/stripe', []);
			if (!is_array($stripe) || empty($stripe['cle_secrete'])) {
				return null;
			}
			$reglages = [
				'secretKey' => (string) $stripe['cle_secrete'],
				'publishableKey' => (string) ($stripe['cle_publique'] ?? ''),
				'webhookSecret' => (string) ($stripe['secret_webhook'] ?? ''),
				'uiMode' => ($stripe['ui'] ?? '') === 'elements' ? 'elements' : 'embedded_page',
			];
			// Tests point the provider at the repository's Stripe emulator.
			if (defined('_GUICHET_STRIPE_API_BASE')) {
				$reglages['apiBase'] = _GUICHET_STRIPE_API_BASE;
			}
			return $reglages;
		}
		if ($providerId === 'offline') {
			$hl = lire_config('guichet/hors_ligne', []);
			$hl = is_array($hl) ? $hl : [];
			$reglages = [];
			if (!empty($hl['cheque_ordre'])) {
				$reglages['cheque'] = ['payee' => (string) $hl['cheque_ordre'], 'address' => (string) ($hl['cheque_adresse'] ?? '')];
			}
			if (!empty($hl['virement_iban'])) {
				$reglages['transfer'] = [
					'iban' => (string) $hl['virement_iban'],
					'bic' => (string) ($hl['virement_bic'] ?? ''),
					'holder' => (string) ($hl['virement_titulaire'] ?? ''),
				];
			}
			return $reglages === [] ? null : $reglages;
		}
		return null;
	}
}

/** Writes to the log file `guichet` at SPIP's levels; the adapter wraps it in RedactingLogger. */
class GuichetJournalSpip implements \Guichet\Adapter\Ports\Logger {
	public function log(string $level, string $message, array $context = []): void {
		$niveaux = ['debug' => _LOG_DEBUG, 'info' => _LOG_INFO, 'warning' => _LOG_AVERTISSEMENT, 'error' => _LOG_ERREUR];
		$ligne = $message . ($context === [] ? '' : ' ' . json_encode($context, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE));
		spip_log($ligne, 'guichet' . ($niveaux[$level] ?? _LOG_INFO));
	}
}

class GuichetCourrielSpip implements \Guichet\Adapter\Ports\Mailer {
	public function send(string $to, string $subject, string $textBody): bool {
		$envoyer_mail = charger_fonction('envoyer_mail', 'inc');
		return (bool) $envoyer_mail($to, $subject, $textBody);
	}
}

/** The protocol's base URL on this site: the public action, the route following in `route=`. */
function guichet_url_api() {
	return url_absolue(generer_url_action('guichet_api', 'route=', true, true));
}
