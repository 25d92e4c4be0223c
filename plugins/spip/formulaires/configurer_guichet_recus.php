<?php
/**
 * Configuration of the tax receipts (part of ecrire/?exec=configurer_guichet): what every receipt must say
 * about the association, checked by the adapter's own rule (ReceiptDocuments::validateIssuer) so this page
 * and the receipts can never disagree. Saved in the meta `guichet_recus`; the association's name is the one
 * of the main configuration. The links' secret is not a field: it lives in its own meta, never shown.
 */

if (!defined('_ECRIRE_INC_VERSION')) {
	return;
}

include_spip('inc/config');
include_spip('inc/guichet_recus_reglages');

function formulaires_configurer_guichet_recus_charger_dist() {
	include_spip('inc/autoriser');
	if (!autoriser('configurer', 'guichet')) {
		return false;
	}
	$enregistre = lire_config('guichet_recus', []);
	$enregistre = is_array($enregistre) ? $enregistre : [];
	$valeurs = [];
	foreach (array_keys(guichet_recus_champs()) as $champ) {
		$valeurs[$champ] = (string) ($enregistre[$champ] ?? '');
	}
	if ($valeurs['pays'] === '') {
		$valeurs['pays'] = 'FR';
	}
	if ($valeurs['objet'] === '') {
		// Typed once already in the main configuration, before receipts had their own settings.
		$valeurs['objet'] = (string) lire_config('guichet/organisation/objet', '');
	}
	$valeurs['_nom'] = (string) lire_config('guichet/organisation/nom', '');
	return $valeurs;
}

function formulaires_configurer_guichet_recus_verifier_dist() {
	$valeurs = [];
	foreach (array_keys(guichet_recus_champs()) as $champ) {
		$valeurs[$champ] = (string) _request($champ);
	}
	return guichet_recus_erreurs($valeurs);
}

function formulaires_configurer_guichet_recus_traiter_dist() {
	$valeurs = [];
	foreach (array_keys(guichet_recus_champs()) as $champ) {
		$valeurs[$champ] = trim((string) _request($champ));
	}
	$valeurs['pays'] = strtoupper($valeurs['pays'] ?: 'FR');
	$valeurs['prefixe'] = strtoupper($valeurs['prefixe']);
	ecrire_config('guichet_recus', $valeurs);
	spip_log('réglages des reçus fiscaux enregistrés par auteur ' . (int) ($GLOBALS['visiteur_session']['id_auteur'] ?? 0), 'guichet' . _LOG_INFO_IMPORTANTE);
	return ['message_ok' => _T('config_info_enregistree'), 'editable' => true];
}

/**
 * The CVT errors of a set of values, by form field: the adapter's DomainError fields (address.line1…) mapped
 * back to ours; an error about the name (set elsewhere) goes in the form's message.
 * @param array<string, string> $valeurs
 * @return array<string, string>
 */
function guichet_recus_erreurs(array $valeurs) {
	[$emetteur, $erreurImage] = guichet_recus_emetteur($valeurs);
	$champs = array_flip(guichet_recus_champs());
	$erreurs = [];
	foreach (\Guichet\Adapter\Domain\Receipts\ReceiptDocuments::validateIssuer($emetteur) as $e) {
		$e = (array) $e;
		$champ = (string) ($e['field'] ?? '');
		$message = guichet_recus_message_erreur((string) ($e['code'] ?? ''), $champ, (array) ($e['params'] ?? []));
		if ($champ === 'name') {
			$erreurs['_nom'] = _T('guichet:recus_erreur_nom');
		} elseif (isset($champs[$champ]) && !isset($erreurs[$champs[$champ]])) {
			$erreurs[$champs[$champ]] = $message;
		} elseif (!isset($champs[$champ])) {
			$erreurs['_autres'] = ($erreurs['_autres'] ?? '') . ' ' . $message;
		}
	}
	if ($erreurImage !== null) {
		$erreurs['signature_document'] = _T('guichet:recus_erreur_document');
	}
	if ($erreurs) {
		$nb = count(array_diff_key($erreurs, ['_nom' => 1, '_autres' => 1])) + (isset($erreurs['_nom']) ? 1 : 0);
		$erreurs['message_erreur'] = trim(_T('guichet:erreurs_a_corriger', ['nb' => max(1, $nb)]) . ' ' . ($erreurs['_nom'] ?? '') . ($erreurs['_autres'] ?? ''));
		unset($erreurs['_nom'], $erreurs['_autres']);
	}
	return $erreurs;
}

/** The treasurer's words for a DomainError of the issuer's check. */
function guichet_recus_message_erreur($code, $champ = '', array $params = []) {
	if ($champ === 'prefix' && $code === 'invalid_choice') {
		return _T('guichet:recus_erreur_invalid_prefix');
	}
	if ($champ === 'signatureImage') {
		return _T('guichet:recus_erreur_invalid_image');
	}
	if ($code === 'too_long') {
		return _T('guichet:recus_erreur_too_long', ['max' => (int) ($params['max'] ?? 0)]);
	}
	$connus = ['required', 'invalid_choice', 'invalid_postal_code', 'invalid_country'];
	return _T('guichet:recus_erreur_' . (in_array($code, $connus, true) ? $code : 'autre'));
}
