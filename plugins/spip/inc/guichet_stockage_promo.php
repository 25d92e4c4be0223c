<?php
/**
 * A promo code's uses counted under a lock, for GuichetStockageSql (Ports\Storage::promoCodeUsesForUpdate).
 *
 * The storage's units of work are not database transactions (see guichet_stockage.php), but a count followed
 * by an insert cannot be made one statement. So the count opens a real write transaction that lasts until the
 * unit ends: BEGIN IMMEDIATE on SQLite (the database's write lock), START TRANSACTION then SELECT … FOR UPDATE
 * of the form's row on MySQL. Another buyer's count waits until our order is committed, or rolled back.
 */

if (!defined('_ECRIRE_INC_VERSION')) {
	return;
}

include_spip('inc/guichet_sql');

trait GuichetStockagePromo {
	/** @var int|null length of the journal when the unit's write transaction began; null: none is open */
	private $ecritureDepuis = null;

	public function promoCodeUsesForUpdate(string $formId, string $code): int {
		if ($this->profondeur > 0 && $this->ecritureDepuis === null) {
			guichet_sql_debut_ecriture();
			$this->ecritureDepuis = count($this->journal);
			if (guichet_sql_moteur() !== 'sqlite') {
				sql_query('SELECT id_guichet_formulaire FROM ' . self::FORMULAIRES
					. ' WHERE id_guichet_formulaire = ' . (int) $formId . ' FOR UPDATE');
			}
		}
		return $this->promoCodeUses($formId, $code);
	}

	/**
	 * Ends the unit's write transaction, if one was opened. On failure the rollback already undid every write
	 * made since it began: only the compensations recorded before it are left to run.
	 * @param callable[] $journal
	 * @return callable[] the compensations still to run
	 */
	private function finirEcriture(bool $reussi, array $journal): array {
		if ($this->ecritureDepuis === null) {
			return $journal;
		}
		$depuis = $this->ecritureDepuis;
		if ($reussi) {
			// A failed COMMIT throws with the transaction still open: the caller's failure path rolls it back.
			guichet_sql_valider();
			$this->ecritureDepuis = null;
			return [];
		}
		$this->ecritureDepuis = null;
		guichet_sql_annuler();
		return array_slice($journal, 0, $depuis);
	}
}
