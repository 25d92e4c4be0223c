<?php
/**
 * The adapter's ReceiptStore on SPIP's sql_*: tax receipts in spip_guichet_recus, an append-only table that is
 * also the hash-chained ledger (docs/receipts.md), and their counters in spip_guichet_recus_compteurs.
 *
 * Unlike the orders (inc/guichet_stockage.php, compare-and-set statements), a receipt needs several reads and
 * writes that must not interleave with another issue: the year's next number, the ledger's next position, the
 * previous hash. So each issue runs in one real transaction holding the site's lock — BEGIN IMMEDIATE on
 * SQLite (the database write lock), SELECT … FOR UPDATE of the counter rows on MySQL — and a failure rolls the
 * counters back with the row, so a number is never skipped.
 */

if (!defined('_ECRIRE_INC_VERSION')) {
	return;
}

include_spip('inc/guichet_adaptateur');
include_spip('inc/guichet_sql');
guichet_charger_adaptateur();

class GuichetRecusSql implements \Guichet\Adapter\Ports\ReceiptStore {
	const RECUS = 'spip_guichet_recus';
	const COMPTEURS = 'spip_guichet_recus_compteurs';
	/** The counter row of ledger positions; the others are named by their year. */
	const REGISTRE = 'registre';

	public function issueReceipt(array $draft): array {
		$draft = \Guichet\Adapter\Storage\ReceiptRecords::checkDraft($draft);
		$cle = (string) $draft['issueKey'];
		$deja = $this->parCle($cle);
		if ($deja !== null) {
			return ['receipt' => $deja, 'created' => false];
		}
		$annee = (int) $draft['year'];
		$this->assurerCompteur(self::REGISTRE);
		$this->assurerCompteur((string) $annee);

		guichet_sql_debut_ecriture();
		try {
			$compteurs = $this->verrouillerCompteurs($annee);
			// Another process may have issued this very key while we waited for the lock.
			$deja = $this->parCle($cle);
			if ($deja !== null) {
				guichet_sql_annuler();
				return ['receipt' => $deja, 'created' => false];
			}
			$position = $compteurs[self::REGISTRE] + 1;
			$sequence = $compteurs[(string) $annee] + 1;
			$precedent = $position === 1
				? \Guichet\Adapter\Storage\ReceiptRecords::FIRST_PREV_HASH
				: (string) sql_getfetsel('hash', self::RECUS, 'position = ' . ($position - 1));
			if ($precedent === '') {
				throw new \RuntimeException('The receipts ledger has no position ' . ($position - 1));
			}
			$id = \Guichet\Adapter\Storage\ReceiptRecords::newId();
			$recu = \Guichet\Adapter\Storage\ReceiptRecords::seal($draft, $id, $sequence, $position, $precedent);
			$this->avancer(self::REGISTRE, $position);
			$this->avancer((string) $annee, $sequence);
			if (sql_insertq(self::RECUS, self::colonnes($recu)) === false) {
				throw new \RuntimeException('Receipt ' . $recu['number'] . ' could not be stored');
			}
			guichet_sql_valider();
		} catch (\Throwable $e) {
			guichet_sql_annuler();
			throw $e;
		}
		// Read back, so the issuer and later readers get the very same array.
		return ['receipt' => $this->findReceipt($id) ?? $recu, 'created' => true];
	}

	public function findReceipt(string $id): ?array {
		return $this->une('recu = ' . sql_quote($id));
	}

	public function findReceiptByNumber(string $number): ?array {
		return $this->une('numero = ' . sql_quote($number));
	}

	public function listReceipts(array $filter, int $limit, int $offset): array {
		$lignes = sql_allfetsel('*', self::RECUS, self::filtre($filter), '', 'position', max(0, $offset) . ',' . max(0, $limit));
		return array_map([self::class, 'decoder'], $lignes);
	}

	public function countReceipts(array $filter): int {
		return (int) sql_countsel(self::RECUS, self::filtre($filter));
	}

	/* Counters ---------------------------------------------------------------------------------------- */

	private function assurerCompteur(string $serie) {
		if (!sql_countsel(self::COMPTEURS, 'serie = ' . sql_quote($serie))) {
			// Two first issues of a year may both try: the primary key keeps one row, the other insert just fails.
			sql_insertq(self::COMPTEURS, ['serie' => $serie, 'valeur' => 0]);
		}
	}

	/** Reads the ledger's and the year's counters, locked until the transaction ends. @return array<string, int> */
	private function verrouillerCompteurs(int $annee) {
		$series = [self::REGISTRE, (string) $annee];
		$where = sql_in('serie', $series);
		if (guichet_sql_moteur() === 'sqlite') {
			// BEGIN IMMEDIATE already holds the database's write lock.
			$lignes = sql_allfetsel('serie, valeur', self::COMPTEURS, $where);
		} else {
			$res = sql_query('SELECT serie, valeur FROM ' . self::COMPTEURS . ' WHERE ' . $where . ' ORDER BY serie FOR UPDATE');
			$lignes = [];
			while ($res && ($ligne = sql_fetch($res))) {
				$lignes[] = $ligne;
			}
		}
		$valeurs = [];
		foreach ($lignes as $ligne) {
			$valeurs[(string) $ligne['serie']] = (int) $ligne['valeur'];
		}
		foreach ($series as $serie) {
			if (!isset($valeurs[$serie])) {
				throw new \RuntimeException('Receipt counter ' . $serie . ' is missing');
			}
		}
		return $valeurs;
	}

	private function avancer(string $serie, int $valeur) {
		$res = sql_updateq(self::COMPTEURS, ['valeur' => $valeur], ['serie = ' . sql_quote($serie), 'valeur = ' . ($valeur - 1)]);
		if (guichet_sql_lignes_modifiees($res) !== 1) {
			throw new \RuntimeException('Receipt counter ' . $serie . ' moved under the lock');
		}
	}

	/* Mapping ---------------------------------------------------------------------------------------- */

	private static function colonnes(array $recu) {
		return [
			'position' => $recu['position'],
			'recu' => $recu['id'],
			'numero' => $recu['number'],
			'annee' => $recu['year'],
			'sequence' => $recu['sequence'],
			'genre' => $recu['kind'],
			'cle' => $recu['issueKey'],
			'prefixe' => (string) $recu['prefix'],
			'remplace' => (string) $recu['replaces'],
			'commandes' => self::json($recu['orderIds']),
			'email' => $recu['email'],
			'email_min' => mb_strtolower($recu['email']),
			'donateur' => $recu['donorName'],
			'montant' => $recu['amount'],
			'devise' => $recu['currency'],
			'date' => $recu['issuedAt'],
			'document' => self::json($recu['document']),
			'hash_precedent' => $recu['prevHash'],
			'hash' => $recu['hash'],
		];
	}

	private static function decoder(array $ligne) {
		$commandes = json_decode((string) $ligne['commandes'], true);
		$document = json_decode((string) $ligne['document'], true);
		return [
			'issueKey' => (string) $ligne['cle'],
			'kind' => (string) $ligne['genre'],
			'year' => (int) $ligne['annee'],
			'prefix' => $ligne['prefixe'] === '' ? null : (string) $ligne['prefixe'],
			'replaces' => $ligne['remplace'] === '' ? null : (string) $ligne['remplace'],
			'orderIds' => is_array($commandes) ? $commandes : [],
			'email' => (string) $ligne['email'],
			'donorName' => (string) $ligne['donateur'],
			'amount' => (int) $ligne['montant'],
			'currency' => (string) $ligne['devise'],
			'issuedAt' => (string) $ligne['date'],
			'document' => is_array($document) ? $document : [],
			'id' => (string) $ligne['recu'],
			'number' => (string) $ligne['numero'],
			'sequence' => (int) $ligne['sequence'],
			'position' => (int) $ligne['position'],
			'prevHash' => (string) $ligne['hash_precedent'],
			'hash' => (string) $ligne['hash'],
		];
	}

	private function parCle(string $cle) {
		return $this->une('cle = ' . sql_quote($cle));
	}

	private function une(string $where) {
		$ligne = sql_fetsel('*', self::RECUS, $where);
		return $ligne ? self::decoder($ligne) : null;
	}

	private static function filtre(array $filter) {
		$where = [];
		if (isset($filter['year']) && $filter['year'] !== '' && $filter['year'] !== null) {
			$where[] = 'annee = ' . (int) $filter['year'];
		}
		if (isset($filter['email']) && $filter['email'] !== '') {
			$where[] = 'email_min = ' . sql_quote(mb_strtolower((string) $filter['email']));
		}
		if (isset($filter['replaces']) && $filter['replaces'] !== '') {
			$where[] = 'remplace = ' . sql_quote((string) $filter['replaces']);
		}
		if (isset($filter['orderId']) && $filter['orderId'] !== '') {
			// orderIds is a JSON list: the quoted id, with LIKE's wildcards taken literally ("!" reads alike on
			// MySQL and SQLite).
			$motif = strtr(self::json((string) $filter['orderId']), ['!' => '!!', '%' => '!%', '_' => '!_']);
			$where[] = 'commandes LIKE ' . sql_quote('%' . $motif . '%') . " ESCAPE '!'";
		}
		return $where;
	}

	private static function json($valeur) {
		return json_encode($valeur, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_THROW_ON_ERROR);
	}
}
