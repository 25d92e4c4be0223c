<?php
/**
 * The no-JS payment form: from what was posted to a protocol OrderRequest, and from the form's configuration
 * to accessible fields. Field names are the protocol's paths in PHP brackets (payer[email],
 * tickets[items][0][quantity]) — the widget reads them back when it takes the form over, keeping what was typed.
 */

if (!defined('_ECRIRE_INC_VERSION')) {
	return;
}

include_spip('inc/guichet_adaptateur');
guichet_charger_adaptateur();

/**
 * @param array<string, mixed> $form FormConfig
 * @param array<string, mixed> $saisie posted values (payer, donation, membership, tickets, payment, consents)
 * @return array<string, mixed> OrderRequest
 */
function guichet_saisie_requete(array $form, array $saisie, $langue, $retour = '') {
	$texte = static function ($valeur) {
		return is_string($valeur) ? trim($valeur) : '';
	};
	$payeur = is_array($saisie['payer'] ?? null) ? $saisie['payer'] : [];
	$adresse = is_array($payeur['address'] ?? null) ? $payeur['address'] : [];
	$requete = [
		'kind' => $form['kind'],
		'locale' => $langue === 'en' ? 'en' : 'fr',
		'payment' => guichet_saisie_moyen($texte($saisie['payment']['method'] ?? '')),
		'payer' => [
			'email' => $texte($payeur['email'] ?? ''),
			'firstName' => $texte($payeur['firstName'] ?? ''),
			'lastName' => $texte($payeur['lastName'] ?? ''),
		],
		'consents' => [
			'solicitationObjection' => !empty($saisie['consents']['solicitationObjection']),
			'newsletterOptIn' => !empty($saisie['consents']['newsletterOptIn']),
		],
	];
	// The country field comes filled in (FR): only a typed line, postcode or town makes an address.
	if (array_filter(array_map($texte, array_intersect_key($adresse, array_flip(['line1', 'postalCode', 'city'])))) !== []) {
		$requete['payer']['address'] = [
			'line1' => $texte($adresse['line1'] ?? ''),
			'postalCode' => $texte($adresse['postalCode'] ?? ''),
			'city' => $texte($adresse['city'] ?? ''),
			'country' => strtoupper($texte($adresse['country'] ?? '')) ?: 'FR',
		];
	}
	if ($retour !== '') {
		$requete['returnUrl'] = $retour;
	}
	if ($form['kind'] === 'donation') {
		$don = is_array($saisie['donation'] ?? null) ? $saisie['donation'] : [];
		$montant = \Guichet\Adapter\Domain\Money::parse($texte($don['amount'] ?? ''), (string) $form['currency'], $requete['locale']);
		$frequences = $form['donation']['frequencies'] ?? ['once'];
		$frequence = $texte($don['frequency'] ?? '');
		$requete['donation'] = [
			// An unreadable amount goes through as -1 so the domain answers with its own invalid-amount message.
			'amount' => $montant ?? -1,
			'frequency' => in_array($frequence, $frequences, true) ? $frequence : (string) ($form['donation']['defaultFrequency'] ?? $frequences[0]),
			'taxReceipt' => !empty($don['taxReceipt']),
			'anonymous' => !empty($don['anonymous']),
		];
	} elseif ($form['kind'] === 'membership') {
		$adhesion = is_array($saisie['membership'] ?? null) ? $saisie['membership'] : [];
		// Without JavaScript, the payer is the one member: a family adds its members with the widget.
		$requete['membership'] = [
			'tierId' => $texte($adhesion['tierId'] ?? ''),
			'members' => [],
			'taxReceipt' => !empty($adhesion['taxReceipt']),
		];
		if ($texte($adhesion['amount'] ?? '') !== '') {
			$requete['membership']['amount'] = \Guichet\Adapter\Domain\Money::parse($texte($adhesion['amount']), (string) $form['currency'], $requete['locale']) ?? -1;
		}
		$membre = ['firstName' => $requete['payer']['firstName'], 'lastName' => $requete['payer']['lastName'], 'email' => $requete['payer']['email']];
		$perso = guichet_saisie_perso($form['membership']['fields'] ?? [], $adhesion['fields'] ?? []);
		if ($perso !== []) {
			$membre['fields'] = $perso;
		}
		$requete['membership']['members'] = [$membre];
	} else {
		$billets = is_array($saisie['tickets'] ?? null) ? $saisie['tickets'] : [];
		$lignes = [];
		foreach ($form['tickets']['types'] ?? [] as $i => $type) {
			$quantite = $texte($billets['items'][$i]['quantity'] ?? '');
			if ($quantite !== '' && $quantite !== '0') {
				$lignes[] = ['typeId' => (string) $type['id'], 'quantity' => ctype_digit($quantite) ? (int) $quantite : -1];
			}
		}
		$requete['tickets'] = ['items' => $lignes];
		// Once the form has shown the name fields (a post with quantities), one name per ticket, in the order of
		// the lines: row i of the form, ticket k of that row; empty names are sent too, so each is pointed at.
		if (!empty($form['tickets']['attendeeNames']) && is_array($billets['attendees'] ?? null)) {
			$participants = [];
			foreach ($form['tickets']['types'] ?? [] as $i => $type) {
				$quantite = $texte($billets['items'][$i]['quantity'] ?? '');
				for ($k = 0; ctype_digit($quantite) && $k < min((int) $quantite, 100); $k++) {
					$nom = is_array($billets['attendees'][$i][$k] ?? null) ? $billets['attendees'][$i][$k] : [];
					$participants[] = ['typeId' => (string) $type['id'], 'firstName' => $texte($nom['firstName'] ?? ''), 'lastName' => $texte($nom['lastName'] ?? '')];
				}
			}
			$requete['tickets']['attendees'] = $participants;
		}
		$code = $texte($billets['promoCode'] ?? '');
		if ($code !== '') {
			$requete['tickets']['promoCode'] = $code;
		}
		$perso = guichet_saisie_perso($form['tickets']['fields'] ?? [], $billets['fields'] ?? []);
		if ($perso !== []) {
			$requete['tickets']['fields'] = $perso;
		}
	}
	return $requete;
}

/**
 * The answers to the editor's own questions: a checkbox is true or false, other answers are the trimmed text,
 * left out when empty (so a required question says so).
 * @param array<int, array<string, mixed>> $champs
 * @param mixed $postes
 * @return array<string, bool|string>
 */
function guichet_saisie_perso(array $champs, $postes) {
	$postes = is_array($postes) ? $postes : [];
	$valeurs = [];
	foreach ($champs as $champ) {
		$id = (string) $champ['id'];
		$valeur = $postes[$id] ?? '';
		if ($champ['type'] === 'checkbox') {
			$valeurs[$id] = is_string($valeur) && $valeur !== '';
		} elseif (is_string($valeur) && trim($valeur) !== '') {
			$valeurs[$id] = trim($valeur);
		}
	}
	return $valeurs;
}

/** "offline:cheque" -> {provider: offline, offlineMethod: cheque}; "stripe" -> {provider: stripe}. */
function guichet_saisie_moyen($valeur) {
	$morceaux = explode(':', $valeur, 2);
	$moyen = ['provider' => $morceaux[0]];
	if (isset($morceaux[1]) && $morceaux[1] !== '') {
		$moyen['offlineMethod'] = $morceaux[1];
	}
	return $moyen;
}

/**
 * Every problem of the request, by field path, in the payer's language (the adapter's FR/EN catalogue):
 * the same checks the server makes when the order is created, so the payer fixes all of them at once.
 * @return array<string, string>
 */
function guichet_saisie_erreurs(array $form, array $requete, $site) {
	$erreurs = [];
	$probleme = \Guichet\Adapter\Http\RequestShape::problem($requete);
	if ($probleme !== null) {
		$erreurs[$probleme] = spip_htmlspecialchars($site->catalogue->message('bad_request', $requete['locale']));
		return $erreurs;
	}
	$moyen = $requete['payment']['provider'];
	if ($site->provider($moyen) === null || !in_array($moyen, $form['payment']['providers'], true)) {
		$erreurs['payment.method'] = _T('guichet:erreur_moyen');
	}
	$maintenant = $site->clock->now();
	$disponibles = null;
	if ($form['kind'] === 'tickets') {
		$comptes = $site->storage->seatCounts((string) $form['id'], $maintenant);
		$disponibles = static function ($typeId) use ($form, $comptes) {
			foreach ($form['tickets']['types'] as $type) {
				if ($type['id'] === $typeId && isset($type['quota'])) {
					$c = $comptes[$typeId] ?? ['sold' => 0, 'held' => 0];
					return max(0, (int) $type['quota'] - $c['sold'] - $c['held']);
				}
			}
			return null;
		};
	}
	$resultat = \Guichet\Adapter\Domain\Pricing\Pricing::quoteOrder($form, $requete, new \Guichet\Adapter\Domain\OrderContext($maintenant, $requete['locale'], $disponibles));
	if (!$resultat['ok']) {
		$reponse = \Guichet\Adapter\Orders\DomainErrors::toProtocolError($resultat['errors'])->toResponse($site->catalogue, $requete['locale']);
		foreach ($reponse['error']['errors'] ?? [] as $detail) {
			$champ = guichet_saisie_champ_affiche((string) ($detail['field'] ?? ''), $form['kind'], $form, $requete);
			// SPIP's CVT errors are HTML (SPIP wraps each in <span role='alert'>): the catalogue's text is escaped here.
			$erreurs[$champ] = isset($erreurs[$champ]) ? $erreurs[$champ] : spip_htmlspecialchars((string) $detail['message']);
		}
		if ($erreurs === [] && isset($reponse['error']['message'])) {
			$erreurs['message_erreur'] = spip_htmlspecialchars((string) $reponse['error']['message']);
		}
	}
	return $erreurs;
}

/** Member 0 is typed in the payer's fields in this form, so its errors are shown there. */
function guichet_saisie_champ_affiche($champ, $genre, array $form = [], array $requete = []) {
	// Ticket lines are posted one per type (zeros included) but sent without the zeros: back to the type's row.
	if ($genre === 'tickets' && preg_match('/^tickets\.items\.(\d+)(\..*)?$/', $champ, $m)) {
		$typeId = $requete['tickets']['items'][(int) $m[1]]['typeId'] ?? null;
		foreach ($form['tickets']['types'] ?? [] as $i => $type) {
			if ($type['id'] === $typeId) {
				return 'tickets.items.' . $i . '.quantity';
			}
		}
	}
	// Names are posted per row and ticket (tickets.attendees.<row>.<k>) but sent as one list.
	if ($genre === 'tickets' && preg_match('/^tickets\.attendees\.(\d+)\.(firstName|lastName)$/', $champ, $m)) {
		$n = (int) $m[1];
		foreach ($form['tickets']['types'] ?? [] as $i => $type) {
			foreach ($requete['tickets']['items'] ?? [] as $ligne) {
				if ($ligne['typeId'] === $type['id']) {
					if ($n < $ligne['quantity']) {
						return "tickets.attendees.$i.$n." . $m[2];
					}
					$n -= $ligne['quantity'];
				}
			}
		}
	}
	if ($genre === 'membership' && strpos($champ, 'membership.members.0.fields.') === 0) {
		return 'membership.fields.' . substr($champ, strlen('membership.members.0.fields.'));
	}
	if ($genre === 'membership' && strpos($champ, 'membership.members.0.') === 0) {
		return 'payer.' . substr($champ, strlen('membership.members.0.'));
	}
	if ($champ === 'payment.provider' || $champ === 'payment.offlineMethod') {
		return 'payment.method';
	}
	return $champ === '' ? 'message_erreur' : $champ;
}
