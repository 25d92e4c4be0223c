<?php
/**
 * Editing a Guichet form in the private space: title, kind and its configuration (the protocol's FormConfig
 * as JSON: amounts, tiers, ticket types and quotas, custom fields, tax-receipt settings). verifier runs the
 * adapter's own reading of the configuration by building its public definition, so a form that saves is a
 * form that displays.
 */

if (!defined('_ECRIRE_INC_VERSION')) {
	return;
}

include_spip('inc/guichet_adaptateur');

function formulaires_editer_guichet_formulaire_charger_dist($id_guichet_formulaire = 'new', $retour = '') {
	include_spip('inc/autoriser');
	$id = (int) $id_guichet_formulaire;
	if (!autoriser($id ? 'modifier' : 'creer', 'guichetformulaire', $id)) {
		return false;
	}
	$ligne = $id ? sql_fetsel('titre, genre, config', 'spip_guichet_formulaires', 'id_guichet_formulaire = ' . $id) : null;
	return [
		'titre' => $ligne['titre'] ?? '',
		'genre' => $ligne['genre'] ?? 'donation',
		'config' => $ligne ? json_encode(json_decode($ligne['config'], true), JSON_PRETTY_PRINT | JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES) : '',
		'_genres' => array_keys(guichet_genres()),
	];
}

function formulaires_editer_guichet_formulaire_verifier_dist($id_guichet_formulaire = 'new', $retour = '') {
	$erreurs = [];
	if (trim((string) _request('titre')) === '') {
		$erreurs['titre'] = _T('info_obligatoire');
	}
	$genre = (string) _request('genre');
	if (!isset(guichet_genres()[$genre])) {
		$erreurs['genre'] = _T('guichet:erreur_genre');
	}
	$config = json_decode((string) _request('config'), true);
	if (!is_array($config)) {
		$erreurs['config'] = _T('guichet:erreur_config_json');
	} elseif (!isset($erreurs['genre'])) {
		$probleme = guichet_probleme_config(guichet_config_formulaire('1', ['titre' => (string) _request('titre'), 'genre' => $genre, 'config' => (string) _request('config')]));
		if ($probleme !== '') {
			$erreurs['config'] = _T('guichet:erreur_config', ['detail' => spip_htmlspecialchars($probleme)]);
		}
	}
	return $erreurs;
}

/** '' when the adapter can publish the configuration, else what it stumbled on. */
function guichet_probleme_config(array $config) {
	guichet_charger_adaptateur();
	foreach (['currency', 'payment'] as $cle) {
		if (!isset($config[$cle])) {
			return $cle;
		}
	}
	if (!is_array($config[$config['kind']] ?? null)) {
		return $config['kind'];
	}
	try {
		\Guichet\Adapter\Domain\Forms\PublicDefinition::build($config, [
			'locale' => 'fr', 'now' => new \DateTimeImmutable('now'), 'paymentMethods' => [],
			'organization' => ['name' => ''], 'taxRules' => \Guichet\Adapter\Domain\Tax\TaxRules::shipped(),
		]);
	} catch (\Throwable $e) {
		return $e->getMessage();
	}
	return '';
}

function formulaires_editer_guichet_formulaire_traiter_dist($id_guichet_formulaire = 'new', $retour = '') {
	$champs = [
		'titre' => trim((string) _request('titre')),
		'genre' => (string) _request('genre'),
		'config' => json_encode(json_decode((string) _request('config'), true), JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES),
	];
	// SPIP's object API, not bare sql_*: it runs the edition pipelines, keeps revisions and invalidates the
	// cache of the articles that show this form.
	include_spip('action/editer_objet');
	$id = (int) $id_guichet_formulaire;
	if (!$id) {
		$id = (int) objet_inserer('guichet_formulaire', null, ['statut' => 'prepa']);
	}
	if ($id) {
		objet_modifier('guichet_formulaire', $id, $champs);
	}
	return ['message_ok' => _T('guichet:formulaire_enregistre'), 'id_guichet_formulaire' => $id, 'redirect' => $retour ?: generer_url_ecrire('guichet_formulaire', 'id_guichet_formulaire=' . $id, true)];
}
