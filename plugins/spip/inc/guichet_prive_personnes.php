<?php
/**
 * HTML of the members and attendees lists of the private space: filters by form, order status and a search,
 * a page of 50 lines, and the signed CSV export link of exactly the filtered list.
 */

if (!defined('_ECRIRE_INC_VERSION')) {
	return;
}

include_spip('inc/guichet_personnes');
include_spip('inc/guichet_prive');

/** The filters a page asked for; without a status in the URL, paid orders only (a member is one who paid). */
function guichet_prive_personnes_filtre(array $env) {
	$filtre = ['status' => array_key_exists('statut', $env) ? (string) $env['statut'] : 'paid'];
	foreach (['formId' => 'formulaire', 'search' => 'recherche'] as $cle => $param) {
		if (is_string($env[$param] ?? null) && $env[$param] !== '') {
			$filtre[$cle] = $env[$param];
		}
	}
	return array_filter($filtre, 'strlen');
}

function guichet_prive_personnes($quoi, array $env) {
	$liste = guichet_personnes_listes()[$quoi] ?? null;
	if ($liste === null) {
		return '';
	}
	$membres = $quoi === 'membres';
	$filtre = guichet_prive_personnes_filtre($env);
	$lignes = guichet_personnes($quoi, $filtre);
	$total = count($lignes);
	$debut = max(0, (int) ($env['debut'] ?? 0));
	$exec = 'guichet_' . $quoi;
	$html = '<form method="get" action="' . spip_htmlspecialchars(generer_url_ecrire($exec, '', true)) . '" class="guichet-filtres">'
		. '<input type="hidden" name="exec" value="' . $exec . '" />'
		. guichet_prive_choix_formulaire($liste['genre'], $filtre['formId'] ?? '')
		. ' <label for="guichet-statut">' . _T('guichet:filtre_statut') . '</label> <select id="guichet-statut" name="statut"><option value="">' . _T('guichet:filtre_tous') . '</option>';
	foreach (['pending', 'paid', 'failed', 'expired', 'refunded', 'disputed'] as $statut) {
		$html .= '<option value="' . $statut . '"' . (($filtre['status'] ?? '') === $statut ? ' selected="selected"' : '') . '>' . _T('guichet:statut_commande_' . $statut) . '</option>';
	}
	$html .= '</select> <label for="guichet-recherche">' . _T('guichet:filtre_recherche') . '</label> <input type="search" id="guichet-recherche" name="recherche" value="' . spip_htmlspecialchars($filtre['search'] ?? '') . '" />'
		. ' <input type="submit" class="submit" value="' . _T('guichet:filtrer') . '" /></form>';
	$export = generer_action_auteur('guichet_exporter', http_build_query(['quoi' => $quoi] + $filtre), '', true);
	$html .= '<p><a class="bouton" href="' . spip_htmlspecialchars($export) . '">' . _T($membres ? 'guichet:exporter_membres' : 'guichet:exporter_participants', ['nb' => $total]) . '</a></p>';
	$detail = $membres ? 'palier' : 'billet';
	$html .= '<table class="spip liste"><caption>' . _T($membres ? 'guichet:membres_nb' : 'guichet:participants_nb', ['nb' => $total]) . '</caption><thead><tr>'
		. '<th scope="col">' . _T('guichet:col_personne') . '</th><th scope="col">' . _T($membres ? 'guichet:col_palier' : 'guichet:col_billet') . '</th>'
		. '<th scope="col">' . _T('guichet:col_formulaire') . '</th><th scope="col">' . _T('guichet:col_statut') . '</th>'
		. '<th scope="col">' . _T('guichet:col_reference') . '</th></tr></thead><tbody>';
	foreach (array_slice($lignes, $debut, 50) as $l) {
		$url = generer_url_ecrire('guichet_commande', 'commande=' . rawurlencode($l['commande']), true);
		$contact = $membres ? $l['email'] : $l['code'];
		$html .= '<tr><td>' . spip_htmlspecialchars(trim($l['prenom'] . ' ' . $l['nom'])) . ($contact !== '' ? ' <small>' . spip_htmlspecialchars($contact) . '</small>' : '') . '</td>'
			. '<td>' . spip_htmlspecialchars($l[$detail]) . '</td>'
			. '<td>' . spip_htmlspecialchars(guichet_prive_titre_formulaire($l['formulaire'])) . '</td>'
			. '<td>' . _T('guichet:statut_commande_' . $l['statut']) . '</td>'
			. '<td><a href="' . spip_htmlspecialchars($url) . '">' . spip_htmlspecialchars($l['reference'] !== '' ? $l['reference'] : $l['commande']) . '</a></td></tr>';
	}
	$html .= '</tbody></table>';
	if ($total > $debut + 50) {
		$suite = generer_url_ecrire($exec, http_build_query(['formulaire' => $filtre['formId'] ?? '', 'statut' => $filtre['status'] ?? '', 'recherche' => $filtre['search'] ?? '', 'debut' => $debut + 50]), true);
		$html .= '<p><a href="' . spip_htmlspecialchars($suite) . '">' . _T('guichet:page_suivante') . '</a></p>';
	}
	return $html;
}

/** The select of the forms of one kind (any status: a closed event still has its attendees). */
function guichet_prive_choix_formulaire($genre, $choisi) {
	$formulaires = sql_allfetsel('id_guichet_formulaire, titre', 'spip_guichet_formulaires', 'genre = ' . sql_quote($genre), '', 'id_guichet_formulaire DESC');
	$html = '<label for="guichet-formulaire">' . _T('guichet:col_formulaire') . '</label> <select id="guichet-formulaire" name="formulaire"><option value="">' . _T('guichet:filtre_tous') . '</option>';
	foreach ($formulaires as $f) {
		$id = (string) $f['id_guichet_formulaire'];
		$html .= '<option value="' . $id . '"' . ($id === (string) $choisi ? ' selected="selected"' : '') . '>' . spip_htmlspecialchars($f['titre'] . ' (' . $id . ')') . '</option>';
	}
	return $html . '</select>';
}

function guichet_prive_titre_formulaire($id) {
	static $titres = [];
	if (!isset($titres[$id])) {
		$titres[$id] = (string) sql_getfetsel('titre', 'spip_guichet_formulaires', 'id_guichet_formulaire = ' . (int) $id);
	}
	return $titres[$id] !== '' ? $titres[$id] : (string) $id;
}
