<?php
/** Filters the plugin's squelettes use. */

if (!defined('_ECRIRE_INC_VERSION')) {
	return;
}

/**
 * The no-JS form's fields, from the CVT environment (#ENV** : the whole environment, unescaped).
 * @param array|string $env
 */
function guichet_champs_paiement($env) {
	if (is_string($env)) {
		$env = @unserialize($env, ['allowed_classes' => false]);
	}
	if (!is_array($env) || !is_array($env['_guichet_formulaire'] ?? null)) {
		return '';
	}
	include_spip('inc/guichet_champs');
	return guichet_champs_html($env['_guichet_formulaire'], $env, (array) ($env['_guichet_moyens'] ?? []), (string) ($env['_guichet_langue'] ?? 'fr'));
}

/** Above the no-JS form: its title, description and, for an event, when and where. @param array|string $env */
function guichet_entete_paiement($env) {
	if (is_string($env)) {
		$env = @unserialize($env, ['allowed_classes' => false]);
	}
	if (!is_array($env) || !is_array($env['_guichet_formulaire'] ?? null)) {
		return '';
	}
	include_spip('inc/guichet_champs');
	return guichet_champs_entete($env['_guichet_formulaire'], (string) ($env['_guichet_langue'] ?? 'fr'));
}

/** The custom element's tag for a form kind (donation -> guichet-donation); empty for an unknown kind. */
function guichet_element($genre) {
	include_spip('inc/guichet_adaptateur');
	return guichet_genres()[$genre]['element'] ?? '';
}

/** The kind of a published form, or '' (a modèle naming a draft or deleted form prints nothing). */
function guichet_genre_publie($id_formulaire) {
	$genre = sql_getfetsel('genre', 'spip_guichet_formulaires', ['id_guichet_formulaire = ' . (int) $id_formulaire, "statut = 'publie'"]);
	return is_string($genre) ? $genre : '';
}

/** The kind of a published form when it is the one expected (any, if none is), else ''. */
function guichet_genre_modele($id_formulaire, $attendu = '') {
	$genre = guichet_genre_publie($id_formulaire);
	return ($attendu === '' || $attendu === null || $attendu === $genre) ? $genre : '';
}

/** The protocol's base URL, for the element's `base` attribute. */
function guichet_url_api_publique() {
	include_spip('inc/guichet_ports');
	return guichet_url_api();
}

/** 2500, EUR -> "25,00 €" in the page's language. */
function guichet_montant($mineur, $devise = 'EUR') {
	include_spip('inc/guichet_adaptateur');
	guichet_charger_adaptateur();
	$langue = ($GLOBALS['spip_lang'] ?? 'fr') === 'en' ? 'en' : 'fr';
	return \Guichet\Adapter\Domain\Money::format((int) $mineur, (string) $devise, $langue);
}

/** @param array|string $env */
function guichet_champs_configuration($env) {
	$env = is_string($env) ? @unserialize($env, ['allowed_classes' => false]) : $env;
	include_spip('inc/guichet_prive');
	return is_array($env) ? guichet_prive_configuration($env) : '';
}

/** @param array|string $env */
function guichet_liste_commandes($env) {
	$env = is_string($env) ? @unserialize($env, ['allowed_classes' => false]) : $env;
	include_spip('inc/guichet_prive');
	return is_array($env) ? guichet_prive_commandes($env) : '';
}

function guichet_detail_commande($id) {
	include_spip('inc/guichet_prive');
	return guichet_prive_commande((string) $id);
}

/** The help line of a form's page: the shortcuts to copy into an article (<don12>, or <guichet12>). */
function guichet_aide_modeles($genre, $id) {
	$id = (int) $id;
	return _T('guichet:aide_modeles', [
		'raccourci' => '<code>&lt;' . guichet_modele_de($genre) . $id . '&gt;</code>',
		'generique' => '<code>&lt;guichet' . $id . '&gt;</code>',
	]);
}

/** The modèle an editor types for a kind: donation -> don (so <don12>). */
function guichet_modele_de($genre) {
	include_spip('inc/guichet_adaptateur');
	return guichet_genres()[$genre]['modele'] ?? 'guichet';
}

/** The members (membres) or attendees (participants) list of the private space. @param array|string $env */
function guichet_liste_personnes($env, $quoi) {
	$env = is_string($env) ? @unserialize($env, ['allowed_classes' => false]) : $env;
	include_spip('inc/guichet_prive_personnes');
	return is_array($env) ? guichet_prive_personnes((string) $quoi, $env) : '';
}

/** The tax receipts' settings fields, from the CVT environment. @param array|string $env */
function guichet_champs_recus($env) {
	$env = is_string($env) ? @unserialize($env, ['allowed_classes' => false]) : $env;
	include_spip('inc/guichet_recus_prive');
	return is_array($env) ? guichet_recus_prive_reglages($env) : '';
}

/** The donor's fields of a receipt being corrected, from the CVT environment. @param array|string $env */
function guichet_champs_correction_recu($env) {
	$env = is_string($env) ? @unserialize($env, ['allowed_classes' => false]) : $env;
	if (!is_array($env)) {
		return '';
	}
	include_spip('inc/guichet_champs');
	$c = new GuichetChamps('guichet-correction', $env, is_array($env['erreurs'] ?? null) ? $env['erreurs'] : []);
	$html = '<p class="guichet-recu-corrige">' . _T('guichet:recus_corriger_numero', ['numero' => spip_htmlspecialchars(htmlspecialchars_decode((string) ($env['numero'] ?? ''), ENT_QUOTES))]) . '</p>';
	$html .= $c->radios('type', _T('guichet:recus_donateur_type'), ['individual' => _T('guichet:recus_donateur_particulier'), 'company' => _T('guichet:recus_donateur_entreprise')]);
	foreach (['prenom', 'nom', 'societe', 'siren', 'adresse_ligne1', 'adresse_ligne2', 'code_postal', 'ville', 'pays'] as $champ) {
		$html .= $c->texte($champ, _T('guichet:recus_donateur_' . $champ), []);
	}
	return $html . $c->erreursRestantes();
}

/** The receipts page's body. @param array|string $env */
function guichet_page_recus($env) {
	$env = is_string($env) ? @unserialize($env, ['allowed_classes' => false]) : $env;
	include_spip('inc/guichet_recus_prive');
	return is_array($env) ? guichet_recus_prive_page($env) : '';
}

/** An order's receipts, under its detail. */
function guichet_recus_commande($id) {
	include_spip('inc/guichet_recus_prive');
	return guichet_recus_prive_commande((string) $id);
}
