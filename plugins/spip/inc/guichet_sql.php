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
