<?php
// Plugin description in the plugins list (SVP).

if (!defined('_ECRIRE_INC_VERSION')) {
	return;
}

$GLOBALS[$GLOBALS['idx_lang']] = [
	'guichet_nom' => 'Guichet',
	'guichet_slogan' => 'Donations, memberships and tickets, straight to the association’s own account',
	'guichet_description' => 'Donation, membership and ticketing forms placed in articles with the <code><donN></code>, <code><adhesionN></code>, <code><billetterieN></code> modèles (or <code><guichetN></code>). Payments go to the association’s own Stripe account with no platform fee; cheque, transfer and cash work too.',
];
