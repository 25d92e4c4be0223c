<?php
/**
 * Configuration page (ecrire/?exec=configurer_guichet): association identity, simulation, Stripe keys and
 * offline methods. Secret keys are never sent back to the browser: the field stays empty with the last four
 * characters shown, and an empty field keeps the stored key.
 */

if (!defined('_ECRIRE_INC_VERSION')) {
	return;
}

include_spip('inc/config');

/** Fields of the form => path in the meta `guichet`. Secrets are marked. */
function guichet_configuration_champs() {
	return [
		'organisation_nom' => ['organisation/nom', false],
		'organisation_adresse' => ['organisation/adresse', false],
		'organisation_siren' => ['organisation/siren', false],
		'organisation_objet' => ['organisation/objet', false],
		'langue' => ['langue', false],
		'simulation' => ['simulation', false],
		'stripe_cle_publique' => ['stripe/cle_publique', false],
		'stripe_cle_secrete' => ['stripe/cle_secrete', true],
		'stripe_secret_webhook' => ['stripe/secret_webhook', true],
		'cheque_ordre' => ['hors_ligne/cheque_ordre', false],
		'cheque_adresse' => ['hors_ligne/cheque_adresse', false],
		'virement_iban' => ['hors_ligne/virement_iban', false],
		'virement_bic' => ['hors_ligne/virement_bic', false],
		'virement_titulaire' => ['hors_ligne/virement_titulaire', false],
	];
}

function formulaires_configurer_guichet_charger_dist() {
	include_spip('inc/autoriser');
	if (!autoriser('configurer', 'guichet')) {
		return false;
	}
	$valeurs = [];
	$indices = [];
	foreach (guichet_configuration_champs() as $champ => [$chemin, $secret]) {
		$valeur = (string) lire_config('guichet/' . $chemin, '');
		if ($secret) {
			// Not a CVT value at all: SPIP refills those with what was posted, and would print a key just typed
			// back into the page. Only its last four characters are shown, as a hint.
			$indices[$champ] = $valeur === '' ? '' : '…' . substr($valeur, -4);
		} else {
			$valeurs[$champ] = $valeur;
		}
	}
	include_spip('inc/guichet_ports');
	$valeurs['_indices'] = $indices;
	$valeurs['_url_webhook'] = url_absolue(generer_url_action('guichet_webhook', 'prestataire=stripe', true, true));
	return $valeurs;
}

function formulaires_configurer_guichet_verifier_dist() {
	$erreurs = [];
	$cle = trim((string) _request('stripe_cle_secrete'));
	if ($cle !== '' && !preg_match('/^(sk|rk)_(test|live)_[A-Za-z0-9]+$/', $cle)) {
		$erreurs['stripe_cle_secrete'] = _T('guichet:erreur_cle_stripe');
	}
	$webhook = trim((string) _request('stripe_secret_webhook'));
	if ($webhook !== '' && strpos($webhook, 'whsec_') !== 0) {
		$erreurs['stripe_secret_webhook'] = _T('guichet:erreur_secret_webhook');
	}
	$publique = trim((string) _request('stripe_cle_publique'));
	if ($publique !== '' && !preg_match('/^pk_(test|live)_[A-Za-z0-9]+$/', $publique)) {
		$erreurs['stripe_cle_publique'] = _T('guichet:erreur_cle_publique');
	}
	if ($erreurs) {
		$erreurs['message_erreur'] = _T('guichet:erreurs_a_corriger', ['nb' => count($erreurs)]);
	}
	return $erreurs;
}

function formulaires_configurer_guichet_traiter_dist() {
	foreach (guichet_configuration_champs() as $champ => [$chemin, $secret]) {
		$valeur = trim((string) _request($champ));
		if ($secret && $valeur === '') {
			continue; // empty secret field: keep the stored key
		}
		if ($champ === 'simulation') {
			$valeur = $valeur === 'oui' ? 'oui' : '';
		}
		ecrire_config('guichet/' . $chemin, $valeur);
	}
	// Which keys changed is worth a log line; their values never are.
	spip_log('configuration enregistrée par auteur ' . (int) ($GLOBALS['visiteur_session']['id_auteur'] ?? 0), 'guichet' . _LOG_INFO_IMPORTANTE);
	return ['message_ok' => _T('config_info_enregistree'), 'editable' => true];
}
