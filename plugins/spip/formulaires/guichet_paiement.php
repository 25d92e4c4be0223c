<?php
/**
 * The no-JS payment form inside every Guichet modèle (#FORMULAIRE_GUICHET_PAIEMENT{12}). With JavaScript the
 * widget takes it over; without, it posts here: verifier runs the server's own checks (all errors at once, in
 * the page's language, nothing typed lost), traiter creates the order and sends the payer to pay.
 */

if (!defined('_ECRIRE_INC_VERSION')) {
	return;
}

include_spip('inc/guichet_site');
include_spip('inc/guichet_saisie');

function guichet_paiement_formulaire($id_formulaire) {
	return guichet_site()->forms->findForm((string) $id_formulaire);
}

function guichet_paiement_langue() {
	$langue = $GLOBALS['spip_lang'] ?? 'fr';
	return $langue === 'en' ? 'en' : 'fr';
}

/** The payment choices this form offers on this site (an unconfigured provider is not offered). */
function guichet_paiement_moyens(array $form) {
	$site = guichet_site();
	$moyens = [];
	foreach ($form['payment']['providers'] as $prestataire) {
		if ($site->provider($prestataire) === null) {
			continue;
		}
		if ($prestataire === 'offline') {
			foreach ($form['payment']['offlineMethods'] ?? [] as $methode) {
				$moyens[] = ['valeur' => 'offline:' . $methode, 'libelle' => _T('guichet:moyen_' . $methode)];
			}
		} else {
			$moyens[] = ['valeur' => $prestataire, 'libelle' => _T('guichet:moyen_' . $prestataire)];
		}
	}
	return $moyens;
}

function formulaires_guichet_paiement_charger_dist($id_formulaire, $retour = '') {
	$form = guichet_paiement_formulaire($id_formulaire);
	if ($form === null) {
		return ['editable' => false, 'message_erreur' => _T('guichet:formulaire_indisponible')];
	}
	$valeurs = guichet_paiement_retour($form) ?? [];
	return $valeurs + [
		'payer' => [],
		'donation' => [],
		'membership' => [],
		'tickets' => [],
		'payment' => [],
		'consents' => [],
		// Stable across re-displays: posting the same form twice (reload, double click) replays one order.
		'jeton' => bin2hex(random_bytes(12)),
		'_guichet_formulaire' => $form,
		'_guichet_moyens' => guichet_paiement_moyens($form),
		'_guichet_langue' => guichet_paiement_langue(),
	];
}

function guichet_paiement_saisie() {
	$saisie = [];
	foreach (['payer', 'donation', 'membership', 'tickets', 'payment', 'consents'] as $cle) {
		$valeur = _request($cle);
		$saisie[$cle] = is_array($valeur) ? $valeur : [];
	}
	return $saisie;
}

function formulaires_guichet_paiement_verifier_dist($id_formulaire, $retour = '') {
	$form = guichet_paiement_formulaire($id_formulaire);
	if ($form === null) {
		return ['message_erreur' => _T('guichet:formulaire_indisponible')];
	}
	$requete = guichet_saisie_requete($form, guichet_paiement_saisie(), guichet_paiement_langue());
	$erreurs = guichet_saisie_erreurs($form, $requete, guichet_site());
	if ($erreurs !== [] && !isset($erreurs['message_erreur'])) {
		$erreurs['message_erreur'] = _T('guichet:erreurs_a_corriger', ['nb' => count($erreurs)]);
	}
	return $erreurs;
}

function formulaires_guichet_paiement_traiter_dist($id_formulaire, $retour = '') {
	$form = guichet_paiement_formulaire($id_formulaire);
	$langue = guichet_paiement_langue();
	$retour = $retour ?: (string) guichet_url_courante();
	$requete = guichet_saisie_requete($form, guichet_paiement_saisie(), $langue, $retour);
	// Without JavaScript a card is paid on the provider's own page (Stripe's hosted Checkout), which sends the
	// payer back here with guichet_order and guichet_token; simulation and offline answer as without it.
	$requete['flow'] = 'redirect';
	$site = guichet_site();
	$jeton = preg_replace('/[^a-f0-9]/', '', (string) _request('jeton'));
	try {
		$cree = \Guichet\Adapter\Orders\CreateOrder::run($site, (string) $form['id'], $requete, $jeton !== '' ? 'spip-' . $jeton : null);
	} catch (\Guichet\Adapter\Protocol\ProtocolError $e) {
		// Sold out meanwhile, provider down…: said in the payer's language, the form stays filled in.
		$reponse = $e->toResponse($site->catalogue, $langue);
		return ['editable' => true, 'message_erreur' => spip_htmlspecialchars((string) $reponse['error']['message'])];
	}
	return guichet_paiement_suite($cree, $retour, $langue);
}

/** What the payer sees next, from the order's `next` action. */
function guichet_paiement_suite(array $cree, $retour, $langue) {
	$suite = $cree['next'];
	$commande = $cree['order'];
	$retour_commande = parametre_url(parametre_url($retour, 'guichet_order', $commande['id'], '&'), 'guichet_token', $cree['token'], '&');
	if ($suite['type'] === 'redirect') {
		return ['redirect' => $suite['url']];
	}
	if ($suite['type'] === 'confirm' && $suite['provider'] === 'simulation') {
		$url = generer_url_public('guichet_simulation', 'commande=' . rawurlencode($commande['id']), true);
		$url = parametre_url($url, 'secret', $suite['clientSecret'], '&');
		return ['redirect' => parametre_url($url, 'retour', $retour_commande, '&')];
	}
	if ($suite['type'] === 'offline') {
		return ['editable' => false, 'message_ok' => nl2br(spip_htmlspecialchars((string) $suite['instructions']['text']))];
	}
	if ($suite['type'] === 'completed') {
		return ['editable' => false, 'message_ok' => _T('guichet:commande_confirmee', ['reference' => $commande['reference'] ?? $commande['id']])];
	}
	// A provider with no page of its own to send the payer to needs the widget: said plainly, not failed silently.
	return ['editable' => true, 'message_erreur' => _T('guichet:javascript_necessaire')];
}

/**
 * Back from paying (the payment page sends the payer to this page with guichet_order and guichet_token): what
 * became of the order, said in place of this form (the widget does the same when JavaScript runs). Null when
 * the visitor is not coming back from paying with this form.
 *
 * @return array<string, mixed>|null
 */
function guichet_paiement_retour(array $form) {
	$commande = _request('guichet_order');
	$jeton = _request('guichet_token');
	if (!is_string($commande) || !is_string($jeton) || $commande === '' || $jeton === '') {
		return null;
	}
	$langue = guichet_paiement_langue();
	try {
		$etat = \Guichet\Adapter\Orders\OrderStatus::read(guichet_site(), $commande, $jeton, $langue);
	} catch (\Guichet\Adapter\Protocol\ProtocolError $e) {
		return null; // a wrong or stale link shows the form, as if there were none
	}
	if ((string) $etat['formId'] !== (string) $form['id']) {
		return null;
	}
	$montant = guichet_paiement_montant((int) $etat['total'], (string) $etat['currency'], $langue);
	switch ($etat['status']) {
		case 'paid':
			$message = _T('guichet:retour_paye', ['montant' => $montant]);
			foreach ($etat['tickets'] ?? [] as $billet) {
				$message .= '<br />' . spip_htmlspecialchars($billet['label'] . (isset($billet['attendee']) ? ' — ' . $billet['attendee'] : '') . ' : ' . $billet['code']);
			}
			$message .= guichet_paiement_recu($commande);
			return ['editable' => false, 'message_ok' => $message];
		case 'pending':
			return ['editable' => false, 'message_ok' => _T('guichet:retour_en_attente', ['montant' => $montant])];
		default:
			// Failed or expired: the form stays, to try again (posting to the page without the old order).
			$action = parametre_url(parametre_url(self('&amp;', true), 'guichet_order', ''), 'guichet_token', '');
			$message = isset($etat['failure']['message']) ? spip_htmlspecialchars((string) $etat['failure']['message']) : _T('guichet:retour_echec');
			return ['message_erreur' => $message, 'action' => $action];
	}
}

/** The tax receipt of a paid order, with its signed download link, when one was issued. */
function guichet_paiement_recu($commande) {
	try {
		$recu = guichet_recus()->receiptForOrder((string) $commande);
	} catch (\Throwable $e) {
		// The payment is what the payer came back for: a receipt lookup failing only leaves the link out.
		spip_log('reçu introuvable pour ' . $commande . ' : ' . $e->getMessage(), 'guichet' . _LOG_AVERTISSEMENT);
		return '';
	}
	if ($recu === null) {
		return '';
	}
	// The link is put beside the sentence: SPIP escapes HTML given to _T() as an argument.
	return '<br />' . _T('guichet:retour_recu', ['numero' => spip_htmlspecialchars((string) $recu['number'])])
		. ' <a href="' . spip_htmlspecialchars(guichet_recus()->link($recu)) . '">' . _T('guichet:retour_recu_telecharger') . '</a>';
}

function guichet_paiement_montant($mineur, $devise, $langue) {
	return \Guichet\Adapter\Domain\Money::format($mineur, $devise, $langue);
}

/** The page the form is on, to come back to after paying. */
function guichet_url_courante() {
	return url_absolue(self('&'));
}
