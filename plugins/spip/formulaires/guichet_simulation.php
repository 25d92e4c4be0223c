<?php
/**
 * The simulation provider's card step without JavaScript: the payer types a test card number (4242… pays,
 * 4000 0000 0000 0002 is declined…) and comes back to the article with the order's status parameters.
 */

if (!defined('_ECRIRE_INC_VERSION')) {
	return;
}

include_spip('inc/guichet_site');

function formulaires_guichet_simulation_charger_dist($commande, $secret, $retour = '') {
	if (guichet_site()->provider('simulation') === null) {
		return ['editable' => false, 'message_erreur' => _T('guichet:simulation_inactive')];
	}
	return ['carte' => '4242 4242 4242 4242'];
}

function formulaires_guichet_simulation_verifier_dist($commande, $secret, $retour = '') {
	if (!preg_match('/^[0-9 ]{12,23}$/', (string) _request('carte'))) {
		return ['carte' => _T('guichet:simulation_carte_invalide'), 'message_erreur' => _T('guichet:simulation_carte_invalide')];
	}
	return [];
}

function formulaires_guichet_simulation_traiter_dist($commande, $secret, $retour = '') {
	$langue = ($GLOBALS['spip_lang'] ?? 'fr') === 'en' ? 'en' : 'fr';
	$site = guichet_site();
	try {
		$resultat = \Guichet\Adapter\Orders\SimulatePayment::run($site, (string) $commande, (string) $secret, ['type' => 'confirm', 'card' => (string) _request('carte')], $langue);
	} catch (\Guichet\Adapter\Protocol\ProtocolError $e) {
		return ['editable' => true, 'message_erreur' => spip_htmlspecialchars((string) $e->toResponse($site->catalogue, $langue)['error']['message'])];
	}
	if (($resultat['outcome'] ?? '') === 'declined') {
		return ['editable' => true, 'message_erreur' => isset($resultat['order']['failure']['message']) ? spip_htmlspecialchars((string) $resultat['order']['failure']['message']) : _T('guichet:simulation_refusee')];
	}
	if (($resultat['outcome'] ?? '') === 'requires_action') {
		// The 3-D Secure step of the simulation is drawn by the widget; without JavaScript it cannot be shown.
		return ['editable' => true, 'message_erreur' => _T('guichet:javascript_necessaire')];
	}
	// Back where the form was: the widget (or the page) reads guichet_order/guichet_token and shows the status.
	if (is_string($retour) && preg_match(',^https?://,', $retour) && strpos($retour, url_absolue('')) === 0) {
		return ['redirect' => $retour];
	}
	return ['editable' => false, 'message_ok' => _T('guichet:simulation_payee')];
}
