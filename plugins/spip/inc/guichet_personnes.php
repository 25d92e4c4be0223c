<?php
/**
 * The people behind the orders: members (one line per member of a membership order) and attendees (one line
 * per ticket of a tickets order), for the private space's lists and their CSV export. Read from the orders the
 * adapter stored; by default only paid orders count (a pending cheque is not yet a member).
 */

if (!defined('_ECRIRE_INC_VERSION')) {
	return;
}

include_spip('inc/guichet_site');

/** The two lists, their order kind and their columns (also the CSV header). */
function guichet_personnes_listes() {
	return [
		'membres' => [
			'genre' => 'membership',
			'colonnes' => ['commande', 'reference', 'date', 'formulaire', 'statut', 'palier', 'prenom', 'nom', 'email', 'date_naissance', 'payeur_email'],
		],
		'participants' => [
			'genre' => 'tickets',
			'colonnes' => ['commande', 'reference', 'date', 'formulaire', 'statut', 'billet', 'prenom', 'nom', 'code', 'entree', 'payeur_email'],
		],
	];
}

/**
 * The lines of a list, newest order first. Filters: formId, status, search (in names, emails, ticket code,
 * order id and reference; case-insensitive).
 * @param array<string, string> $filtre @return array<int, array<string, string>>
 */
function guichet_personnes($quoi, array $filtre) {
	$liste = guichet_personnes_listes()[$quoi] ?? null;
	if ($liste === null) {
		return [];
	}
	$criteres = ['kind' => $liste['genre']];
	foreach (['formId', 'status'] as $cle) {
		if (isset($filtre[$cle]) && $filtre[$cle] !== '') {
			$criteres[$cle] = (string) $filtre[$cle];
		}
	}
	$recherche = mb_strtolower(trim((string) ($filtre['search'] ?? '')));
	$lignes = [];
	foreach (guichet_site()->storage->listOrders($criteres, 100000, 0) as $commande) {
		$personnes = $quoi === 'membres' ? ($commande['members'] ?? []) : ($commande['tickets'] ?? []);
		foreach (is_array($personnes) ? $personnes : [] as $personne) {
			$ligne = guichet_personne_ligne($quoi, $commande, (array) $personne);
			if ($recherche === '' || strpos(mb_strtolower(implode(' ', $ligne)), $recherche) !== false) {
				$lignes[] = $ligne;
			}
		}
	}
	return $lignes;
}

/** @return array<string, string> */
function guichet_personne_ligne($quoi, array $commande, array $p) {
	$commun = [
		'commande' => (string) $commande['id'],
		'reference' => (string) ($commande['reference'] ?? ''),
		'date' => (string) ($commande['createdAt'] ?? ''),
		'formulaire' => (string) $commande['formId'],
		'statut' => (string) $commande['status'],
	];
	$nom = ['prenom' => (string) ($p['firstName'] ?? ''), 'nom' => (string) ($p['lastName'] ?? '')];
	$payeur = ['payeur_email' => (string) ($commande['payer']['email'] ?? '')];
	if ($quoi === 'membres') {
		return $commun + ['palier' => (string) ($p['tierId'] ?? '')] + $nom
			+ ['email' => (string) ($p['email'] ?? ''), 'date_naissance' => (string) ($p['birthDate'] ?? '')] + $payeur;
	}
	return $commun + ['billet' => (string) ($p['typeId'] ?? '')] + $nom
		+ ['code' => (string) ($p['code'] ?? ''), 'entree' => (string) ($p['checkedInAt'] ?? '')] + $payeur;
}
