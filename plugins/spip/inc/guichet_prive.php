<?php
/**
 * HTML of the private space's pages (configuration fields, orders list, order detail). Every link that changes
 * something is a securiser_action URL made by generer_action_auteur() for the author looking at the page.
 * URLs are asked of SPIP without entities (its default is `&amp;`) and escaped once, here.
 */

if (!defined('_ECRIRE_INC_VERSION')) {
	return;
}

include_spip('inc/guichet_site');
include_spip('inc/guichet_champs');

function guichet_prive_configuration(array $env) {
	include_spip('formulaires/configurer_guichet');
	$c = new GuichetChamps('guichet-config', $env, is_array($env['erreurs'] ?? null) ? $env['erreurs'] : []);
	$indices = is_array($env['_indices'] ?? null) ? $env['_indices'] : [];
	$html = ['<fieldset><legend>' . _T('guichet:config_association') . '</legend>'];
	foreach (['organisation_nom', 'organisation_adresse', 'organisation_siren', 'organisation_objet'] as $champ) {
		$html[] = $c->texte($champ, _T('guichet:config_' . $champ), []);
	}
	$html[] = $c->choix('langue', _T('guichet:config_langue'), ['fr' => 'Français', 'en' => 'English'], 'fr');
	$html[] = '</fieldset><fieldset><legend>' . _T('guichet:config_paiement') . '</legend>';
	$html[] = $c->choix('simulation', _T('guichet:config_simulation'), ['oui' => _T('guichet:config_simulation_oui'), '' => _T('guichet:config_simulation_non')], '');
	$html[] = $c->texte('stripe_cle_publique', _T('guichet:config_stripe_cle_publique'), ['autocomplete' => 'off']);
	foreach (['stripe_cle_secrete', 'stripe_secret_webhook'] as $champ) {
		$aide = ($indices[$champ] ?? '') !== '' ? _T('guichet:config_secret_garde', ['fin' => $indices[$champ]]) : _T('guichet:config_secret_vide');
		$html[] = $c->texte($champ, _T('guichet:config_' . $champ), ['type' => 'password', 'autocomplete' => 'off', 'aide' => $aide]);
	}
	$html[] = '<p class="explication">' . _T('guichet:config_url_webhook') . ' <code>' . spip_htmlspecialchars((string) ($env['_url_webhook'] ?? '')) . '</code></p>';
	$html[] = '</fieldset><fieldset><legend>' . _T('guichet:config_hors_ligne') . '</legend>';
	foreach (['cheque_ordre', 'cheque_adresse', 'virement_iban', 'virement_bic', 'virement_titulaire'] as $champ) {
		$html[] = $c->texte($champ, _T('guichet:config_' . $champ), []);
	}
	$html[] = '</fieldset>';
	return implode("\n", $html);
}

/** The orders list with its filters (GET parameters of the page) and the signed CSV export link. */
function guichet_prive_commandes(array $env) {
	$filtre = [];
	foreach (['formId' => 'formulaire', 'status' => 'statut', 'kind' => 'genre', 'search' => 'recherche'] as $cle => $param) {
		if (is_string($env[$param] ?? null) && $env[$param] !== '') {
			$filtre[$cle] = $env[$param];
		}
	}
	$page = max(0, (int) ($env['debut'] ?? 0));
	$liste = \Guichet\Adapter\Orders\BackOffice::list(guichet_site(), $filtre, 50, $page);
	$html = '<form method="get" action="' . spip_htmlspecialchars(generer_url_ecrire('guichet_commandes', '', true)) . '" class="guichet-filtres">'
		. '<input type="hidden" name="exec" value="guichet_commandes" />'
		. '<label for="guichet-recherche">' . _T('guichet:filtre_recherche') . '</label> <input type="search" id="guichet-recherche" name="recherche" value="' . spip_htmlspecialchars($filtre['search'] ?? '') . '" /> '
		. '<label for="guichet-statut">' . _T('guichet:filtre_statut') . '</label> <select id="guichet-statut" name="statut"><option value="">—</option>';
	foreach (['pending', 'paid', 'failed', 'expired', 'refunded', 'disputed'] as $statut) {
		$html .= '<option value="' . $statut . '"' . (($filtre['status'] ?? '') === $statut ? ' selected="selected"' : '') . '>' . _T('guichet:statut_commande_' . $statut) . '</option>';
	}
	$html .= '</select> <input type="submit" class="submit" value="' . _T('guichet:filtrer') . '" /></form>';
	$export = generer_action_auteur('guichet_exporter', http_build_query($filtre), '', true);
	$html .= '<p><a class="bouton" href="' . spip_htmlspecialchars($export) . '">' . _T('guichet:exporter_csv', ['nb' => $liste['total']]) . '</a></p>';
	$html .= '<table class="spip liste"><caption>' . _T('guichet:commandes_nb', ['nb' => $liste['total']]) . '</caption><thead><tr>'
		. '<th scope="col">' . _T('guichet:col_date') . '</th><th scope="col">' . _T('guichet:col_payeur') . '</th><th scope="col">' . _T('guichet:col_genre') . '</th>'
		. '<th scope="col">' . _T('guichet:col_montant') . '</th><th scope="col">' . _T('guichet:col_statut') . '</th></tr></thead><tbody>';
	foreach ($liste['orders'] as $c) {
		$url = generer_url_ecrire('guichet_commande', 'commande=' . rawurlencode($c['id']), true);
		$html .= '<tr><td>' . spip_htmlspecialchars(guichet_prive_date((string) $c['createdAt'])) . '</td>'
			. '<td><a href="' . spip_htmlspecialchars($url) . '">' . spip_htmlspecialchars(trim(($c['payer']['firstName'] ?? '') . ' ' . ($c['payer']['lastName'] ?? ''))) . '</a> ' . spip_htmlspecialchars($c['payer']['email'] ?? '') . '</td>'
			. '<td>' . _T('guichet:genre_' . $c['kind']) . '</td>'
			. '<td>' . spip_htmlspecialchars(guichet_montant((int) $c['total'], (string) $c['currency'])) . '</td>'
			. '<td>' . _T('guichet:statut_commande_' . $c['status']) . '</td></tr>';
	}
	return $html . '</tbody></table>';
}

/** One order, with the buttons the treasurer may use on it. */
function guichet_prive_commande($id) {
	include_spip('inc/autoriser');
	$c = guichet_site()->storage->findOrder((string) $id);
	if ($c === null || !autoriser('voir', 'guichetcommande', $id)) {
		return '<p>' . _T('guichet:commande_introuvable') . '</p>';
	}
	$html = '<dl class="guichet-commande">';
	$lignes = [
		'col_reference' => $c['reference'] ?? $c['id'],
		'col_date' => guichet_prive_date((string) $c['createdAt']),
		'col_payeur' => trim(($c['payer']['firstName'] ?? '') . ' ' . ($c['payer']['lastName'] ?? '') . ' <' . ($c['payer']['email'] ?? '') . '>'),
		'col_montant' => guichet_montant((int) $c['total'], (string) $c['currency']),
		'col_rembourse' => guichet_montant((int) $c['refundedAmount'], (string) $c['currency']),
		'col_statut' => _T('guichet:statut_commande_' . $c['status']),
		'col_moyen' => $c['provider'] . ($c['offlineMethod'] ? ' / ' . $c['offlineMethod'] : ''),
	];
	foreach ($lignes as $cle => $valeur) {
		$html .= '<dt>' . _T('guichet:' . $cle) . '</dt><dd>' . spip_htmlspecialchars((string) $valeur) . '</dd>';
	}
	$html .= '</dl><p class="actions">';
	if ($c['status'] === 'pending' && $c['provider'] === 'offline' && autoriser('marquerrecu', 'guichetcommande', $id)) {
		$html .= '<a class="bouton" href="' . spip_htmlspecialchars(generer_action_auteur('guichet_marquer_recu', $c['id'], '', true)) . '">' . _T('guichet:action_marquer_recu') . '</a> ';
	}
	if ($c['status'] === 'paid' && autoriser('rembourser', 'guichetcommande', $id)) {
		$html .= '<a class="bouton" href="' . spip_htmlspecialchars(generer_action_auteur('guichet_rembourser', $c['id'], '', true)) . '">' . _T('guichet:action_rembourser') . '</a>';
	}
	return $html . '</p>';
}

/**
 * An order's instant (UTC, as the adapter stores it) in the site's time zone, written the way SPIP writes dates
 * in its private space ("23 novembre 2026 à 14h05"); as "2026-11-23 14:05" where SPIP's date filters are absent.
 */
function guichet_prive_date($instant) {
	try {
		$date = (new \DateTimeImmutable($instant))->setTimezone(new \DateTimeZone(date_default_timezone_get()));
	} catch (\Exception $e) {
		return $instant;
	}
	include_spip('inc/filtres_dates');
	return function_exists('affdate_heure') ? (string) affdate_heure($date->format('Y-m-d H:i:s')) : $date->format('Y-m-d H:i');
}
