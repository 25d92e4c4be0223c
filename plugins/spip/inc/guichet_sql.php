<?php
/**
 * Small helpers over SPIP's sql_* API that the storage needs and SPIP does not name.
 */

if (!defined('_ECRIRE_INC_VERSION')) {
	return;
}

/**
 * How many rows the last sql_update()/sql_updateq() changed. SPIP documents the return value of those as
 * "true or false" (a PDOStatement under SQLite), so the count is read where each driver keeps it: the
 * statement under SQLite, the connection under MySQL. The conditional UPDATEs of the storage rely on it.
 *
 * @param mixed $resultat what sql_update() returned
 */
function guichet_sql_lignes_modifiees($resultat, $serveur = '') {
	if ($resultat === false || $resultat === null) {
		return 0;
	}
	if ($resultat instanceof PDOStatement) {
		return $resultat->rowCount();
	}
	if (is_int($resultat)) {
		return $resultat;
	}
	if (function_exists('_mysql_link')) {
		$lien = _mysql_link($serveur);
		if ($lien instanceof mysqli) {
			return (int) mysqli_affected_rows($lien);
		}
	}
	// Unknown driver: refuse to claim success, so nothing is ever sold twice.
	return 0;
}

/** 'sqlite' or 'mysql': the two drivers SPIP ships, told apart where a statement differs between them. */
function guichet_sql_moteur($serveur = '') {
	$connexion = function_exists('spip_connect') ? spip_connect($serveur) : null;
	$type = is_array($connexion) ? (string) ($connexion['type'] ?? '') : '';
	return strncmp($type, 'sqlite', 6) === 0 ? 'sqlite' : 'mysql';
}

/**
 * Opens a transaction that will write, taking the write lock at once under SQLite (BEGIN IMMEDIATE waits for
 * the other writers, where a deferred BEGIN could fail half-way). MySQL's row locks are taken afterwards by
 * the caller's SELECT … FOR UPDATE. sql_demarrer_transaction() opens a deferred one, and SPIP has no rollback:
 * both are said here with sql_query().
 */
function guichet_sql_debut_ecriture($serveur = '') {
	$ordre = guichet_sql_moteur($serveur) === 'sqlite' ? 'BEGIN IMMEDIATE' : 'START TRANSACTION';
	if (sql_query($ordre, $serveur) === false) {
		throw new \RuntimeException('Could not open a write transaction');
	}
}

function guichet_sql_valider($serveur = '') {
	if (sql_query('COMMIT', $serveur) === false) {
		throw new \RuntimeException('Could not commit');
	}
}

function guichet_sql_annuler($serveur = '') {
	sql_query('ROLLBACK', $serveur);
}
