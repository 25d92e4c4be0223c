<?php
/**
 * Loading the shared adapter, and reading a Guichet form (a SPIP object row) as the adapter's FormConfig.
 */

if (!defined('_ECRIRE_INC_VERSION')) {
	return;
}

/** Registers the adapter's autoloader once; the plugin's own classes stay in inc/ and load with include_spip. */
function guichet_charger_adaptateur() {
	static $charge = false;
	if (!$charge) {
		$dir = defined('_GUICHET_ADAPTER_DIR') ? _GUICHET_ADAPTER_DIR : dirname(__DIR__, 3) . '/backend-adapter/php';
		require_once $dir . '/autoload.php';
		$charge = true;
	}
}

/** The kinds of form, with the custom element and the modèle name an editor types for each. */
function guichet_genres() {
	return [
		'donation' => ['element' => 'guichet-donation', 'modele' => 'don'],
		'membership' => ['element' => 'guichet-membership', 'modele' => 'adhesion'],
		'tickets' => ['element' => 'guichet-tickets', 'modele' => 'billetterie'],
	];
}

/**
 * The FormConfig of a form row: the editor's JSON configuration, with the id, kind and (when the JSON has none)
 * the title taken from the object's own columns so the two can never disagree.
 *
 * @param array{titre: string, genre: string, config: string} $ligne
 */
function guichet_config_formulaire($id, array $ligne) {
	$config = json_decode((string) $ligne['config'], true);
	if (!is_array($config)) {
		$config = [];
	}
	$config['id'] = (string) $id;
	$config['kind'] = (string) $ligne['genre'];
	if (empty($config['title'])) {
		$titre = trim((string) $ligne['titre']);
		$config['title'] = ['fr' => $titre, 'en' => $titre];
	}
	return $config;
}
