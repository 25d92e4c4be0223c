<?php
/**
 * Protocol v1 for the widget: spip.php?action=guichet_api&route=/forms/12 (the widget's base URL ends in
 * `route=`, so its paths and their own `?…` parameters arrive inside `route`). Public by design: the
 * protocol checks tokens and recomputes every amount itself, hence no securiser_action() here.
 */

if (!defined('_ECRIRE_INC_VERSION')) {
	return;
}

function action_guichet_api_dist() {
	include_spip('inc/guichet_site');
	[$chemin, $parametres] = guichet_api_route((string) _request('route'), $_GET);
	$reponse = guichet_protocole()->handle(
		(string) ($_SERVER['REQUEST_METHOD'] ?? 'GET'),
		$chemin,
		guichet_entetes_requete(),
		$parametres,
		guichet_corps_brut()
	);
	guichet_envoyer_reponse($reponse);
}

/**
 * Splits `/orders/ord_1?token=abc` into the path and its parameters, beside the query's own (locale…).
 * @return array{0: string, 1: array<string, string>}
 */
function guichet_api_route($route, array $get) {
	$parametres = [];
	foreach ($get as $cle => $valeur) {
		if (is_string($valeur) && !in_array($cle, ['action', 'route'], true)) {
			$parametres[$cle] = $valeur;
		}
	}
	$morceaux = explode('?', $route, 2);
	if (isset($morceaux[1])) {
		parse_str($morceaux[1], $dans_route);
		foreach ($dans_route as $cle => $valeur) {
			if (is_string($valeur)) {
				$parametres[$cle] = $valeur;
			}
		}
	}
	return [$morceaux[0], $parametres];
}
