<?php
/** Back-office: refunds a paid order in full, through the provider when it can (securiser_action + autoriser). */

if (!defined('_ECRIRE_INC_VERSION')) {
	return;
}

function action_guichet_rembourser_dist($commande = null) {
	include_spip('inc/guichet_back_office');
	$commande = $commande ?? guichet_action_privee('rembourser');
	if ($commande === null) {
		return;
	}
	$erreur = guichet_operation('remboursement', $commande, static function ($site, $id) {
		\Guichet\Adapter\Orders\BackOffice::refund($site, $id);
	});
	guichet_retour_commande($commande, $erreur);
}

/** Back to the order's page, with the outcome to show. */
function guichet_retour_commande($commande, $erreur) {
	$url = generer_url_ecrire('guichet_commande', 'commande=' . rawurlencode($commande) . ($erreur ? '&erreur=' . rawurlencode($erreur) : '&fait=oui'), true);
	if (!_request('redirect')) {
		$GLOBALS['redirect'] = $url;
	}
}
