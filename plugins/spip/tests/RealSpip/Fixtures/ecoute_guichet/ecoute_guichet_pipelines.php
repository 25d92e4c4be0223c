<?php
/** Writes what Guichet announced to tmp/ecoute_guichet.log, one JSON line per call (read by the tests). */

if (!defined('_ECRIRE_INC_VERSION')) {
	return;
}

function ecoute_guichet_noter($pipeline, $flux) {
	$ligne = ['pipeline' => $pipeline, 'args' => $flux['args'], 'statut' => $flux['data']['status'] ?? null, 'total' => $flux['data']['total'] ?? null];
	file_put_contents(_DIR_TMP . 'ecoute_guichet.log', json_encode($ligne) . "\n", FILE_APPEND | LOCK_EX);
	return $flux;
}

function ecoute_guichet_guichet_commande_payee($flux) {
	return ecoute_guichet_noter('guichet_commande_payee', $flux);
}

function ecoute_guichet_guichet_commande_remboursee($flux) {
	return ecoute_guichet_noter('guichet_commande_remboursee', $flux);
}
