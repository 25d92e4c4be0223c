<?php
/** Cron task (taches_generales_cron): expiry and reconciliation sweep of the adapter. */

if (!defined('_ECRIRE_INC_VERSION')) {
	return;
}

function genie_guichet_reconciliation_dist($t) {
	include_spip('inc/guichet_site');
	$bilan = \Guichet\Adapter\Orders\Reconcile::sweep(guichet_site());
	spip_log('réconciliation : ' . (int) $bilan['expired'] . ' commande(s) expirée(s)', 'guichet' . _LOG_INFO);
	// A positive answer tells SPIP the task is done until its next period.
	return 1;
}
