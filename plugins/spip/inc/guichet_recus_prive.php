<?php
/**
 * HTML of the tax receipts in the private space: their settings' fields, and the page "Reçus fiscaux" (year,
 * art. 222 bis totals, the list, exports and the treasurer's actions). Every link that changes or reveals
 * something is a securiser_action URL to action/guichet_recus.php made for the author looking at the page.
 */

if (!defined('_ECRIRE_INC_VERSION')) {
	return;
}

include_spip('inc/guichet_champs');
include_spip('inc/guichet_prive');
include_spip('inc/guichet_recus_reglages');

function guichet_recus_prive_reglages(array $env) {
	$c = new GuichetChamps('guichet-recus', $env, is_array($env['erreurs'] ?? null) ? $env['erreurs'] : []);
	$nom = (string) ($env['_nom'] ?? '');
	$html = ['<p class="explication">' . _T('guichet:recus_reglages_explication') . '</p>'];
	$html[] = '<p>' . _T('guichet:recus_nom', ['nom' => spip_htmlspecialchars($nom !== '' ? $nom : '—')]) . '</p>';
	$html[] = '<fieldset><legend>' . _T('guichet:recus_adresse') . '</legend>';
	$html[] = $c->texte('adresse_ligne1', _T('guichet:recus_adresse_ligne1'), ['required' => true, 'autocomplete' => 'address-line1']);
	$html[] = $c->texte('adresse_ligne2', _T('guichet:recus_adresse_ligne2'), ['autocomplete' => 'address-line2']);
	$html[] = $c->texte('code_postal', _T('guichet:recus_code_postal'), ['required' => true, 'autocomplete' => 'postal-code']);
	$html[] = $c->texte('ville', _T('guichet:recus_ville'), ['required' => true, 'autocomplete' => 'address-level2']);
	$html[] = $c->texte('pays', _T('guichet:recus_pays'), ['maxlength' => 2, 'aide' => _T('guichet:recus_pays_aide')]);
	$html[] = '</fieldset><fieldset><legend>' . _T('guichet:recus_beneficiaire') . '</legend>';
	$html[] = $c->texte('objet', _T('guichet:recus_objet'), ['required' => true]);
	$statuts = ['' => '—'];
	foreach (guichet_recus_statuts() as $statut) {
		$statuts[$statut] = _T('guichet:recus_statut_' . $statut);
	}
	$html[] = $c->choix('statut', _T('guichet:recus_statut'), $statuts, '', '', true);
	$html[] = $c->texte('statut_detail', _T('guichet:recus_statut_detail'), ['aide' => _T('guichet:recus_statut_detail_aide')]);
	$html[] = '</fieldset><fieldset><legend>' . _T('guichet:recus_signature') . '</legend>';
	$html[] = $c->texte('signataire_nom', _T('guichet:recus_signataire_nom'), ['required' => true]);
	$html[] = $c->texte('signataire_qualite', _T('guichet:recus_signataire_qualite'), ['required' => true, 'aide' => _T('guichet:recus_signataire_qualite_aide')]);
	$html[] = $c->texte('signature_document', _T('guichet:recus_signature_document'), ['inputmode' => 'numeric', 'aide' => _T('guichet:recus_signature_document_aide')]);
	$html[] = '</fieldset><fieldset><legend>' . _T('guichet:recus_numerotation') . '</legend>';
	$html[] = $c->texte('prefixe', _T('guichet:recus_prefixe'), ['maxlength' => 8, 'aide' => _T('guichet:recus_prefixe_aide')]);
	$html[] = '</fieldset>';
	return implode("\n", $html);
}

/** A signed link to the receipts action for the author looking at the page. */
function guichet_recus_lien($operation, $parametre) {
	return generer_action_auteur('guichet_recus', $operation . '/' . $parametre, '', true);
}

/** @param string $precision said after the visible text to screen readers ("Télécharger 2026-00001" in a list) */
function guichet_recus_bouton($operation, $parametre, $libelle, $classe = 'bouton', $precision = '') {
	$nom = $precision === '' ? '' : ' aria-label="' . attribut_html($libelle . ' ' . $precision) . '"';
	return '<a class="' . $classe . '" href="' . spip_htmlspecialchars(guichet_recus_lien($operation, $parametre)) . '"' . $nom . '>' . $libelle . '</a>';
}

/** The page "Reçus fiscaux". @param array<string, mixed> $env the page's environment (annee, debut) */
function guichet_recus_prive_page(array $env) {
	include_spip('inc/autoriser');
	include_spip('inc/guichet_site');
	$service = guichet_recus();
	$annee_courante = (int) gmdate('Y');
	$annee = (int) ($env['annee'] ?? 0);
	if ($annee < 2000 || $annee > $annee_courante + 1) {
		$annee = $annee_courante;
	}
	$html = guichet_recus_prive_resultat($env);
	$problemes = $service->issuerProblems();
	if ($problemes !== []) {
		$html .= '<div class="notice" role="status"><p>' . _T('guichet:recus_pas_configure') . '</p>'
			. '<p><a href="' . spip_htmlspecialchars(generer_url_ecrire('configurer_guichet', '', true)) . '#guichet-recus-reglages">' . _T('guichet:recus_aller_configurer') . '</a></p></div>';
	}
	// The year selector: a GET form, so each year has its own address.
	$html .= '<form method="get" action="' . spip_htmlspecialchars(generer_url_ecrire('guichet_recus', '', true)) . '" class="guichet-filtres">'
		. '<input type="hidden" name="exec" value="guichet_recus" />'
		. '<label for="guichet-recus-annee">' . _T('guichet:recus_annee') . '</label> <select id="guichet-recus-annee" name="annee">';
	for ($a = $annee_courante; $a >= $annee_courante - 6; $a--) {
		$html .= '<option value="' . $a . '"' . ($a === $annee ? ' selected="selected"' : '') . '>' . $a . '</option>';
	}
	$html .= '</select> <input type="submit" class="submit" value="' . _T('guichet:recus_afficher') . '" /></form>';

	$totaux = $service->totals($annee);
	$html .= '<h2>' . _T('guichet:recus_totaux_titre', ['annee' => $annee]) . '</h2><dl class="guichet-recus-totaux">'
		. '<dt>' . _T('guichet:recus_totaux_nombre') . '</dt><dd>' . (int) $totaux['count'] . '</dd>'
		. '<dt>' . _T('guichet:recus_totaux_montant') . '</dt><dd>' . spip_htmlspecialchars(guichet_montant((int) $totaux['amount'], (string) ($totaux['currency'] ?? 'EUR'))) . '</dd>'
		. '<dt>' . _T('guichet:recus_totaux_annules') . '</dt><dd>' . (int) ($totaux['cancelled'] ?? 0) . '</dd>'
		. '<dt>' . _T('guichet:recus_totaux_corriges') . '</dt><dd>' . (int) ($totaux['corrected'] ?? 0) . '</dd></dl>';

	$actions = [];
	if (autoriser('exporter', 'guichetrecu')) {
		$actions[] = guichet_recus_bouton('csv', (string) $annee, _T('guichet:recus_exporter_csv'));
		$actions[] = guichet_recus_bouton('zip', (string) $annee, _T('guichet:recus_exporter_zip'));
	}
	if (autoriser('gerer', 'guichetrecu')) {
		$actions[] = guichet_recus_bouton('manquants', (string) $annee, _T('guichet:recus_emettre_manquants'));
		$actions[] = guichet_recus_bouton('annuels', (string) ($annee - 1), _T('guichet:recus_emettre_annuels', ['annee' => $annee - 1]));
	}
	$actions[] = guichet_recus_bouton('verifier', '0', _T('guichet:recus_verifier'));
	$html .= '<p class="actions">' . implode(' ', $actions) . '</p>';

	$debut = max(0, (int) ($env['debut'] ?? 0));
	$liste = $service->list($annee, 50, $debut);
	$total = (int) $liste['total'];
	$recus = $liste['receipts'];
	$html .= '<table class="spip liste"><caption>' . _T('guichet:recus_nb', ['nb' => $total, 'annee' => $annee]) . '</caption><thead><tr>'
		. '<th scope="col">' . _T('guichet:recus_col_numero') . '</th><th scope="col">' . _T('guichet:col_date') . '</th>'
		. '<th scope="col">' . _T('guichet:recus_col_donateur') . '</th><th scope="col">' . _T('guichet:col_montant') . '</th>'
		. '<th scope="col">' . _T('guichet:recus_col_genre') . '</th><th scope="col">' . _T('guichet:recus_col_etat') . '</th>'
		. '<th scope="col">' . _T('guichet:recus_col_actions') . '</th></tr></thead><tbody>';
	foreach ($recus as $r) {
		$html .= guichet_recus_prive_ligne($r);
	}
	$html .= '</tbody></table>';
	if ($total > $debut + 50) {
		$html .= '<p><a href="' . spip_htmlspecialchars(generer_url_ecrire('guichet_recus', 'annee=' . $annee . '&debut=' . ($debut + 50), true)) . '">' . _T('guichet:recus_suivants') . '</a></p>';
	}
	return $html;
}

/** The outcome of the action that led back here, from its code (never from text in the address). */
function guichet_recus_prive_resultat(array $env) {
	$codes = ['registre_ok' => true, 'registre_casse' => false, 'renvoye' => true, 'pas_renvoye' => false, 'annule' => true, 'corrige' => true, 'emis' => true, 'refus' => false];
	$code = (string) ($env['resultat'] ?? '');
	if (!isset($codes[$code])) {
		return '';
	}
	if ($code === 'refus') {
		$connues = ['receipt_not_found', 'receipt_replaced', 'receipt_is_cancellation', 'issuer_not_configured', 'invalid_donor'];
		$raison = (string) ($env['raison'] ?? '');
		$texte = _T('guichet:recus_refus_' . (in_array($raison, $connues, true) ? $raison : 'autre'));
	} else {
		$params = [];
		foreach (['numero', 'nouveau', 'nb', 'position'] as $cle) {
			$params[$cle] = spip_htmlspecialchars((string) ($env[$cle] ?? ''));
		}
		$texte = _T('guichet:recus_resultat_' . $code, $params);
	}
	return $codes[$code]
		? '<p class="reponse_formulaire reponse_formulaire_ok" role="status">' . $texte . '</p>'
		: '<p class="reponse_formulaire reponse_formulaire_erreur" role="alert">' . $texte . '</p>';
}

function guichet_recus_prive_ligne(array $r) {
	$numero = (string) $r['number'];
	$remplace_par = isset($r['replacedBy']) ? (string) $r['replacedBy'] : '';
	$etat = $remplace_par === ''
		? _T('guichet:recus_etat_valide')
		: _T('guichet:recus_etat_remplace', ['numero' => spip_htmlspecialchars($remplace_par)]);
	$genre = _T('guichet:recus_genre_' . $r['kind']) . ($r['replaces'] ? ' (' . spip_htmlspecialchars((string) $r['replaces']) . ')' : '');
	// Each row's links carry its number for screen readers, who may list the page's links out of the table.
	$actions = [guichet_recus_bouton('pdf', $numero, _T('guichet:recus_telecharger'), 'lien', $numero)];
	if (autoriser('gerer', 'guichetrecu')) {
		$actions[] = guichet_recus_bouton('renvoyer', $numero, _T('guichet:recus_renvoyer'), 'lien', $numero);
		if ($remplace_par === '' && $r['kind'] !== 'cancellation') {
			$actions[] = '<a class="lien" href="' . spip_htmlspecialchars(generer_url_ecrire('guichet_recu_corriger', 'numero=' . rawurlencode($numero), true)) . '"'
				. ' aria-label="' . attribut_html(_T('guichet:recus_corriger') . ' ' . $numero) . '">' . _T('guichet:recus_corriger') . '</a>';
			// Irreversible (a cancellation receipt is issued and e-mailed): asked once more where JavaScript runs.
			$actions[] = str_replace('<a ', '<a onclick="' . attribut_html('return confirm(' . json_encode(_T('guichet:recus_annuler_confirmer', ['numero' => $numero])) . ');') . '" ',
				guichet_recus_bouton('annuler', $numero, _T('guichet:recus_annuler'), 'lien', $numero));
		}
	}
	return '<tr><th scope="row">' . spip_htmlspecialchars($numero) . '</th>'
		. '<td>' . spip_htmlspecialchars(guichet_prive_date((string) $r['issuedAt'])) . '</td>'
		. '<td>' . spip_htmlspecialchars((string) $r['donorName']) . ' ' . spip_htmlspecialchars((string) $r['email']) . '</td>'
		. '<td>' . spip_htmlspecialchars(guichet_montant((int) $r['amount'], (string) $r['currency'])) . '</td>'
		. '<td>' . $genre . '</td><td>' . $etat . '</td>'
		. '<td>' . implode(' · ', $actions) . '</td></tr>';
}

/** Below an order's detail: its receipts, with a link to the receipts page. */
function guichet_recus_prive_commande($id_commande) {
	include_spip('inc/autoriser');
	if (!autoriser('voir', 'guichetrecu')) {
		return '';
	}
	$recus = guichet_recus_stockage()->listReceipts(['orderId' => (string) $id_commande], 20, 0);
	$html = '<h2>' . _T('guichet:recus_titre') . '</h2>';
	if ($recus === []) {
		return $html . '<p>' . _T('guichet:recus_aucun_commande') . '</p>';
	}
	$html .= '<ul>';
	foreach ($recus as $r) {
		$html .= '<li>' . spip_htmlspecialchars((string) $r['number']) . ' — ' . _T('guichet:recus_genre_' . $r['kind']) . ' — '
			. spip_htmlspecialchars(guichet_montant((int) $r['amount'], (string) $r['currency'])) . ' '
			. guichet_recus_bouton('pdf', (string) $r['number'], _T('guichet:recus_telecharger'), 'lien') . '</li>';
	}
	return $html . '</ul><p><a href="' . spip_htmlspecialchars(generer_url_ecrire('guichet_recus', 'annee=' . (int) $recus[0]['year'], true)) . '">' . _T('guichet:recus_voir_tous') . '</a></p>';
}
