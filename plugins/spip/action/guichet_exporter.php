<?php
/** Back-office: the filtered orders list as CSV (securiser_action + autoriser). */

if (!defined('_ECRIRE_INC_VERSION')) {
	return;
}

function action_guichet_exporter_dist($arg = null) {
	if ($arg === null) {
		$securiser_action = charger_fonction('securiser_action', 'inc');
		$arg = $securiser_action();
	}
	include_spip('inc/autoriser');
	if (!autoriser('exporter', 'guichetcommande')) {
		include_spip('inc/minipres');
		echo minipres(_T('info_acces_interdit'));
		return;
	}
	include_spip('inc/guichet_site');
	include_spip('inc/guichet_export');
	// The filters travel in the signed argument, so the file is exactly the list the treasurer was looking at;
	// `quoi` says which list (orders by default, or the members or attendees behind them).
	parse_str((string) $arg, $filtre);
	$quoi = is_string($filtre['quoi'] ?? null) ? $filtre['quoi'] : 'commandes';
	$filtre = array_intersect_key(array_filter($filtre, 'is_string'), array_flip(['formId', 'status', 'kind', 'provider', 'search', 'from', 'to']));
	if ($quoi === 'membres' || $quoi === 'participants') {
		include_spip('inc/guichet_personnes');
		$lignes = guichet_personnes($quoi, $filtre);
		$csv = guichet_export_personnes_csv($quoi, $lignes);
	} else {
		$quoi = 'commandes';
		$lignes = \Guichet\Adapter\Orders\BackOffice::list(guichet_site(), $filtre, 100000, 0)['orders'];
		$csv = guichet_export_csv($lignes);
	}
	spip_log("export $quoi : " . count($lignes) . ' ligne(s)', 'guichet' . _LOG_INFO_IMPORTANTE);
	if (!headers_sent()) {
		header('Content-Type: text/csv; charset=utf-8');
		header('Content-Disposition: attachment; filename="guichet-' . $quoi . '-' . gmdate('Y-m-d') . '.csv"');
		header('Cache-Control: no-store');
	}
	echo $csv;
}
