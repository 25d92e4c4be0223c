<?php
/**
 * Correcting the donor of a receipt (name, company, address): the adapter issues a `correction` receipt that
 * replaces it ("annule et remplace"), the old one stays in the ledger. Errors come back by field from the
 * adapter's own check (ReceiptError invalid_donor), with everything typed kept.
 */

if (!defined('_ECRIRE_INC_VERSION')) {
	return;
}

/** Form field => path in ReceiptDonor. */
function guichet_corriger_recu_champs() {
	return [
		'prenom' => 'firstName', 'nom' => 'lastName', 'societe' => 'name', 'siren' => 'siren',
		'adresse_ligne1' => 'address.line1', 'adresse_ligne2' => 'address.line2',
		'code_postal' => 'address.postalCode', 'ville' => 'address.city', 'pays' => 'address.country',
	];
}

function formulaires_guichet_corriger_recu_charger_dist($numero) {
	include_spip('inc/autoriser');
	include_spip('inc/guichet_site');
	$recu = guichet_recus_stockage()->findReceiptByNumber((string) $numero);
	if (!autoriser('gerer', 'guichetrecu') || $recu === null) {
		return false;
	}
	$donateur = is_array($recu['document']['donor'] ?? null) ? $recu['document']['donor'] : [];
	$valeurs = ['numero' => (string) $numero, 'type' => ($donateur['type'] ?? '') === 'company' ? 'company' : 'individual'];
	foreach (guichet_corriger_recu_champs() as $champ => $chemin) {
		$v = $donateur;
		foreach (explode('.', $chemin) as $cle) {
			$v = is_array($v) ? ($v[$cle] ?? '') : '';
		}
		$valeurs[$champ] = is_scalar($v) ? (string) $v : '';
	}
	return $valeurs;
}

/** @return array<string, mixed> the ReceiptDonor typed in the form */
function guichet_corriger_recu_donateur() {
	$v = static function ($champ) {
		return trim((string) _request($champ));
	};
	$adresse = ['line1' => $v('adresse_ligne1'), 'postalCode' => $v('code_postal'), 'city' => $v('ville'), 'country' => strtoupper($v('pays') ?: 'FR')];
	if ($v('adresse_ligne2') !== '') {
		$adresse['line2'] = $v('adresse_ligne2');
	}
	if (_request('type') === 'company') {
		$donateur = ['type' => 'company', 'name' => $v('societe'), 'address' => $adresse];
		if ($v('siren') !== '') {
			$donateur['siren'] = $v('siren');
		}
		return $donateur;
	}
	return ['type' => 'individual', 'firstName' => $v('prenom'), 'lastName' => $v('nom'), 'address' => $adresse];
}

function formulaires_guichet_corriger_recu_verifier_dist($numero) {
	$erreurs = [];
	$donateur = guichet_corriger_recu_donateur();
	$requis = $donateur['type'] === 'company' ? ['societe'] : ['prenom', 'nom'];
	foreach (array_merge($requis, ['adresse_ligne1', 'code_postal', 'ville']) as $champ) {
		if (trim((string) _request($champ)) === '') {
			$erreurs[$champ] = _T('guichet:recus_erreur_required');
		}
	}
	if ($erreurs) {
		$erreurs['message_erreur'] = _T('guichet:erreurs_a_corriger', ['nb' => count($erreurs)]);
	}
	return $erreurs;
}

function formulaires_guichet_corriger_recu_traiter_dist($numero) {
	include_spip('inc/guichet_site');
	try {
		$nouveau = guichet_recus()->correct((string) $numero, guichet_corriger_recu_donateur());
	} catch (\Guichet\Adapter\Receipts\ReceiptError $e) {
		$champs = array_flip(guichet_corriger_recu_champs());
		$erreurs = [];
		foreach ($e->errors as $erreur) {
			$champ = $champs[(string) ($erreur['field'] ?? '')] ?? null;
			if ($champ !== null) {
				$erreurs[$champ] = _T('guichet:recus_erreur_' . (($erreur['code'] ?? '') === 'required' ? 'required' : 'autre'));
			}
		}
		include_spip('action/guichet_recus');
		spip_log("reçus : correction $numero refusée ({$e->reason})", 'guichet' . _LOG_AVERTISSEMENT);
		return $erreurs + ['message_erreur' => _T('guichet:recus_refus_' . (in_array($e->reason, ['receipt_not_found', 'receipt_replaced', 'receipt_is_cancellation', 'issuer_not_configured', 'invalid_donor'], true) ? $e->reason : 'autre')), 'editable' => true];
	}
	spip_log('reçus : correction ' . $numero . ' par ' . ($nouveau['number'] ?? '?') . ' (auteur ' . (int) ($GLOBALS['visiteur_session']['id_auteur'] ?? 0) . ')', 'guichet' . _LOG_INFO_IMPORTANTE);
	// Back to the receipts, which say what was issued (this page's address loses its number once posted).
	return [
		'message_ok' => _T('guichet:recus_resultat_corrige', ['numero' => spip_htmlspecialchars((string) $numero), 'nouveau' => spip_htmlspecialchars((string) ($nouveau['number'] ?? ''))]),
		'editable' => false,
		'redirect' => generer_url_ecrire('guichet_recus', http_build_query(['resultat' => 'corrige', 'numero' => (string) $numero, 'nouveau' => (string) ($nouveau['number'] ?? '')]), true),
	];
}
