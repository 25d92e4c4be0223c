<?php
/**
 * Orders as CSV for the treasurer's spreadsheet: one line per order, amounts both in cents (exact) and as
 * decimals (readable). No token, no provider secret, no raw request ever goes into a file.
 */

if (!defined('_ECRIRE_INC_VERSION')) {
	return;
}

include_spip('inc/guichet_adaptateur');

function guichet_export_colonnes() {
	return [
		'reference', 'commande', 'date', 'formulaire', 'genre', 'statut', 'devise', 'total_centimes', 'total',
		'rembourse_centimes', 'prestataire', 'moyen', 'email', 'prenom', 'nom', 'adresse', 'code_postal', 'ville',
		'pays', 'recu_fiscal', 'date_paiement',
	];
}

/** @param array<int, array<string, mixed>> $commandes */
function guichet_export_csv(array $commandes, $separateur = ';') {
	return guichet_export_tableau(guichet_export_colonnes(), array_map('guichet_export_ligne', $commandes), $separateur);
}

/** Members or attendees (inc/guichet_personnes), one line each, their columns as header. */
function guichet_export_personnes_csv($quoi, array $lignes, $separateur = ';') {
	include_spip('inc/guichet_personnes');
	$colonnes = guichet_personnes_listes()[$quoi]['colonnes'];
	return guichet_export_tableau($colonnes, array_map(static function ($ligne) use ($colonnes) {
		return array_map(static function ($colonne) use ($ligne) {
			return $ligne[$colonne] ?? '';
		}, $colonnes);
	}, $lignes), $separateur);
}

/** @param string[] $colonnes @param array<int, array<int, mixed>> $lignes */
function guichet_export_tableau(array $colonnes, array $lignes, $separateur) {
	$flux = fopen('php://temp', 'r+');
	// The BOM makes spreadsheet software read the accents right.
	fwrite($flux, "\xEF\xBB\xBF");
	fputcsv($flux, $colonnes, $separateur);
	foreach ($lignes as $ligne) {
		fputcsv($flux, array_map('guichet_export_cellule', $ligne), $separateur);
	}
	rewind($flux);
	$csv = stream_get_contents($flux);
	fclose($flux);
	return $csv;
}

function guichet_export_ligne(array $c) {
	$payeur = is_array($c['payer'] ?? null) ? $c['payer'] : [];
	$adresse = is_array($payeur['address'] ?? null) ? $payeur['address'] : [];
	guichet_charger_adaptateur();
	$decimales = \Guichet\Adapter\Domain\Money::currencyExponent((string) $c['currency']);
	return [
		$c['reference'] ?? '', $c['id'], $c['createdAt'] ?? '', $c['formId'], $c['kind'], $c['status'], $c['currency'],
		(string) (int) $c['total'], guichet_export_decimal((int) $c['total'], $decimales),
		(string) (int) ($c['refundedAmount'] ?? 0), $c['provider'], $c['offlineMethod'] ?? '',
		$payeur['email'] ?? '', $payeur['firstName'] ?? '', $payeur['lastName'] ?? '',
		trim(($adresse['line1'] ?? '') . ' ' . ($adresse['line2'] ?? '')), $adresse['postalCode'] ?? '',
		$adresse['city'] ?? '', $adresse['country'] ?? '',
		!empty($c['request']['donation']['taxReceipt']) ? 'oui' : 'non', $c['paidAt'] ?? '',
	];
}

/** 2500 cents -> "25,00": integer arithmetic, no float anywhere. */
function guichet_export_decimal($mineur, $decimales) {
	if ($decimales === 0) {
		return (string) $mineur;
	}
	$signe = $mineur < 0 ? '-' : '';
	$absolu = str_pad((string) abs($mineur), $decimales + 1, '0', STR_PAD_LEFT);
	return $signe . substr($absolu, 0, -$decimales) . ',' . substr($absolu, -$decimales);
}

/** Cells starting like a formula are quoted so a spreadsheet shows them instead of running them. */
function guichet_export_cellule($valeur) {
	$valeur = (string) $valeur;
	return ($valeur !== '' && strpos('=+-@', $valeur[0]) !== false) ? "'" . $valeur : $valeur;
}
