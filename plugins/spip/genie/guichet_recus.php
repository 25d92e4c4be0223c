<?php
/**
 * Cron task (taches_generales_cron, daily): the annual receipts of the recurring donors for the previous year.
 * Due from January 1st (Europe/Paris); run again each day until done, so a site nobody visited in January, or
 * whose receipts settings were filled in later, catches up at its next run. Issuing is idempotent (one
 * receipt per donor and year, by issueKey), and the year done is remembered in the meta
 * `guichet_recus_annuels`.
 */

if (!defined('_ECRIRE_INC_VERSION')) {
	return;
}

function genie_guichet_recus_dist($t) {
	include_spip('inc/guichet_site');
	include_spip('inc/config');
	include_spip('inc/meta');
	$service = guichet_recus();
	$annee = \Guichet\Adapter\Domain\Receipts\ReceiptDates::year(guichet_site()->clock->now()) - 1;
	if ((int) lire_config('guichet_recus_annuels', 0) >= $annee) {
		return 1;
	}
	if ($service->issuerProblems() !== []) {
		// Nothing can be issued yet; the receipts page tells the treasurer what is missing.
		spip_log("reçus annuels $annee : en attente des réglages des reçus", 'guichet' . _LOG_INFO);
		return 1;
	}
	$emis = $service->issueAnnual($annee);
	ecrire_meta('guichet_recus_annuels', (string) $annee);
	spip_log("reçus annuels $annee : " . (is_array($emis) ? count($emis) : (int) $emis) . ' émis', 'guichet' . _LOG_INFO_IMPORTANTE);
	return 1;
}
