<?php
/**
 * What the private actions share: the signed argument, the permission check, the adapter's answer turned into a
 * message for the treasurer.
 */

if (!defined('_ECRIRE_INC_VERSION')) {
	return;
}

/**
 * Checks the securiser_action() hash and the permission, then returns the order id (or dies like SPIP does
 * for a forged action). @return string
 */
function guichet_action_privee($faire) {
	$securiser_action = charger_fonction('securiser_action', 'inc');
	$commande = (string) $securiser_action();
	include_spip('inc/autoriser');
	if (!preg_match('/^[A-Za-z0-9_-]{1,64}$/', $commande) || !autoriser($faire, 'guichetcommande', $commande)) {
		include_spip('inc/minipres');
		echo minipres(_T('info_acces_interdit'));
		return null;
	}
	return $commande;
}

/** Runs a back-office operation, logging who did what (never the payer's details). */
function guichet_operation($nom, $commande, callable $operation) {
	include_spip('inc/guichet_site');
	$auteur = isset($GLOBALS['visiteur_session']['id_auteur']) ? (int) $GLOBALS['visiteur_session']['id_auteur'] : 0;
	try {
		$operation(guichet_site(), $commande);
		spip_log("$nom $commande par auteur $auteur", 'guichet' . _LOG_INFO_IMPORTANTE);
		return '';
	} catch (\Guichet\Adapter\Protocol\ProtocolError $e) {
		spip_log("$nom $commande refusé : " . $e->errorCode(), 'guichet' . _LOG_AVERTISSEMENT);
		return $e->errorCode();
	}
}
