<?php
/**
 * Payment providers' notifications: spip.php?action=guichet_webhook&prestataire=stripe (the URL to paste is
 * shown on the configuration page). The provider's signature is checked by the adapter on the RAW body before
 * anything is parsed; a securiser_action() hash cannot exist here (the caller is the provider, not a visitor).
 * Answers are explicit: 200 applied or duplicate, 400 bad signature, bad payload or a provider the site does
 * not run.
 */

if (!defined('_ECRIRE_INC_VERSION')) {
	return;
}

function action_guichet_webhook_dist() {
	include_spip('inc/guichet_site');
	$prestataire = (string) _request('prestataire');
	if (!preg_match('/^[a-z0-9_-]{1,32}$/', $prestataire)) {
		$prestataire = 'inconnu';
	}
	$reponse = guichet_protocole()->handle(
		(string) ($_SERVER['REQUEST_METHOD'] ?? 'GET'),
		'/webhooks/' . $prestataire,
		guichet_entetes_requete(),
		[],
		guichet_corps_brut()
	);
	// The event id only: bodies carry payers' details and are never logged. Applied events are worth keeping
	// (SPIP writes nothing below _LOG_INFO_IMPORTANTE unless the site asks): a treasurer asks "did Stripe call?".
	spip_log(
		'webhook ' . $prestataire . ' -> ' . $reponse->status . ' ' . ($reponse->body['eventId'] ?? ($reponse->body['error']['code'] ?? '')),
		'guichet' . ($reponse->status === 200 ? _LOG_INFO_IMPORTANTE : _LOG_AVERTISSEMENT)
	);
	guichet_envoyer_reponse($reponse);
}
