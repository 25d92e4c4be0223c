<?php
/** Back-office: a cheque, a transfer or cash arrived for an offline order (securiser_action + autoriser). */

if (!defined('_ECRIRE_INC_VERSION')) {
	return;
}

function action_guichet_marquer_recu_dist($commande = null) {
	include_spip('inc/guichet_back_office');
	$commande = $commande ?? guichet_action_privee('marquerrecu');
	if ($commande === null) {
		return;
	}
	$erreur = guichet_operation('paiement reçu', $commande, static function ($site, $id) {
		\Guichet\Adapter\Orders\BackOffice::markReceived($site, $id);
	});
	include_spip('action/guichet_rembourser');
	guichet_retour_commande($commande, $erreur);
}
