<?php
/**
 * The adapter's Storage (and FormRepository) on SPIP's sql_* API, so orders live in the site's own database,
 * MySQL or SQLite, in the tables declared in base/guichet.php.
 *
 * sql_* has no rollback and no SELECT … FOR UPDATE, so atomicity is built from single statements whose
 * affected-row count says who won:
 * - seats: one counter row per ticket type, raised by `UPDATE … SET pris = pris + n WHERE pris + n <= quota`.
 *   The database runs that check-and-add as one statement on MySQL (row lock) and SQLite (database write lock),
 *   so two buyers can never both take the last seat;
 * - order writes: compare-and-set on the order's status and version column;
 * - events and idempotency keys: INSERT on a primary key (the second insert fails).
 * A unit of work that fails half-way is undone by a journal of compensating writes, run newest first.
 */

if (!defined('_ECRIRE_INC_VERSION')) {
	return;
}

include_spip('inc/guichet_adaptateur');
include_spip('inc/guichet_sql');
include_spip('inc/guichet_stockage_promo');
guichet_charger_adaptateur();

class GuichetStockageSql implements \Guichet\Adapter\Ports\Storage, \Guichet\Adapter\Ports\FormRepository {
	use GuichetStockagePromo;

	const COMMANDES = 'spip_guichet_commandes';
	const FORMULAIRES = 'spip_guichet_formulaires';
	const JAUGES = 'spip_guichet_jauges';
	const PLACES = 'spip_guichet_places';
	const EVENEMENTS = 'spip_guichet_evenements';
	const IDEMPOTENCE = 'spip_guichet_idempotence';

	/** @var int */
	private $profondeur = 0;
	/** @var callable[] compensating writes of the unit of work in progress */
	private $journal = [];

	public function transaction(callable $work) {
		if ($this->profondeur > 0) {
			return $work();
		}
		$this->profondeur = 1;
		$this->journal = [];
		try {
			$resultat = $work();
			$this->finirEcriture(true, []);
		} catch (\Throwable $e) {
			foreach (array_reverse($this->finirEcriture(false, $this->journal)) as $annuler) {
				try {
					$annuler();
				} catch (\Throwable $ignore) {
					// Keep undoing the rest; the first error is the one worth reporting.
				}
			}
			throw $e;
		} finally {
			$this->profondeur = 0;
			$this->journal = [];
		}
		return $resultat;
	}

	private function siAnnule(callable $annuler) {
		if ($this->profondeur > 0) {
			$this->journal[] = $annuler;
		}
	}

	/* Forms ------------------------------------------------------------------------------------------ */

	public function findForm(string $formId): ?array {
		if (!preg_match('/^[1-9][0-9]{0,17}$/', $formId)) {
			return null;
		}
		$ligne = sql_fetsel('titre, genre, config', self::FORMULAIRES, [
			'id_guichet_formulaire = ' . (int) $formId,
			"statut = 'publie'",
		]);
		if (!$ligne) {
			return null;
		}
		return guichet_config_formulaire($formId, $ligne);
	}

	/* Orders ----------------------------------------------------------------------------------------- */

	public function insertOrder(array $order): void {
		$colonnes = self::colonnes($order) + [
			'commande' => (string) $order['id'],
			'id_guichet_formulaire' => (string) $order['formId'],
			'genre' => (string) $order['kind'],
			'date' => (string) $order['createdAt'],
			'version' => 1,
		];
		if (sql_insertq(self::COMMANDES, $colonnes) === false) {
			throw new \RuntimeException('Order ' . $order['id'] . ' could not be stored');
		}
		$id = (string) $order['id'];
		$this->siAnnule(static function () use ($id) {
			sql_delete(self::COMMANDES, 'commande = ' . sql_quote($id));
		});
	}

	public function findOrder(string $orderId): ?array {
		$ligne = sql_fetsel('donnees', self::COMMANDES, 'commande = ' . sql_quote($orderId));
		return $ligne ? self::decoder($ligne['donnees']) : null;
	}

	public function findOrderByProviderRef(string $provider, string $providerRef): ?array {
		if ($providerRef === '') {
			return null;
		}
		$ref = sql_quote($providerRef);
		$ligne = sql_fetsel('donnees', self::COMMANDES, [
			'prestataire = ' . sql_quote($provider),
			"(ref_prestataire = $ref OR ref_paiement = $ref OR ref_abonnement = $ref)",
		], '', 'date DESC', '1');
		return $ligne ? self::decoder($ligne['donnees']) : null;
	}

	public function updateOrder(string $orderId, array $changes, ?string $expectedStatus = null): bool {
		// A few attempts: a write without an expected status only has to beat concurrent writes of other fields.
		for ($essai = 0; $essai < 3; $essai++) {
			$ligne = sql_fetsel('donnees, statut, version', self::COMMANDES, 'commande = ' . sql_quote($orderId));
			if (!$ligne || ($expectedStatus !== null && $ligne['statut'] !== $expectedStatus)) {
				return false;
			}
			$avant = $ligne['donnees'];
			$commande = array_merge(self::decoder($avant), $changes);
			$set = [];
			foreach (self::colonnes($commande) as $colonne => $valeur) {
				$set[$colonne] = sql_quote($valeur);
			}
			$set['version'] = 'version + 1';
			$res = sql_update(self::COMMANDES, $set, [
				'commande = ' . sql_quote($orderId),
				'statut = ' . sql_quote($ligne['statut']),
				'version = ' . (int) $ligne['version'],
			]);
			if (guichet_sql_lignes_modifiees($res) === 1) {
				$this->siAnnule(static function () use ($orderId, $avant, $ligne) {
					$ancienne = self::decoder($avant);
					$set = [];
					foreach (self::colonnes($ancienne) as $colonne => $valeur) {
						$set[$colonne] = sql_quote($valeur);
					}
					$set['version'] = 'version + 1';
					sql_update(self::COMMANDES, $set, 'commande = ' . sql_quote($orderId));
				});
				return true;
			}
			if ($expectedStatus !== null) {
				// Someone moved the order first: the compare-and-set lost, as it should.
				$statut = sql_getfetsel('statut', self::COMMANDES, 'commande = ' . sql_quote($orderId));
				if ($statut !== $expectedStatus) {
					return false;
				}
			}
		}
		return false;
	}

	public function listOrders(array $filter, int $limit, int $offset): array {
		$lignes = sql_allfetsel(
			'donnees',
			self::COMMANDES,
			self::filtre($filter),
			'',
			'date DESC, id_guichet_commande DESC',
			max(0, $offset) . ',' . max(0, $limit)
		);
		return array_map(static function ($ligne) {
			return self::decoder($ligne['donnees']);
		}, $lignes);
	}

	public function countOrders(array $filter): int {
		return (int) sql_countsel(self::COMMANDES, self::filtre($filter));
	}

	public function expiredPendingOrders(\DateTimeImmutable $now, int $limit): array {
		$lignes = sql_allfetsel('donnees', self::COMMANDES, [
			"statut = 'pending'",
			"expire <> ''",
			'expire <= ' . sql_quote(self::instant($now)),
		], '', 'expire', (string) max(0, $limit));
		return array_map(static function ($ligne) {
			return self::decoder($ligne['donnees']);
		}, $lignes);
	}

	/* Seats ------------------------------------------------------------------------------------------ */

	public function holdSeats(string $formId, string $orderId, array $items, \DateTimeImmutable $expiresAt, \DateTimeImmutable $now): array {
		$this->rendreExpirees($formId, $now);
		$pris = [];
		$manques = [];
		foreach ($items as $typeId => $item) {
			$typeId = (string) $typeId;
			$quantite = (int) $item['quantity'];
			$quota = $item['quota'] === null ? null : (int) $item['quota'];
			$this->assurerJauge($formId, $typeId);
			$where = [
				'id_guichet_formulaire = ' . sql_quote($formId),
				'type_billet = ' . sql_quote($typeId),
			];
			if ($quota !== null) {
				// The whole check-and-take is this one statement: no seat can be counted twice.
				$where[] = 'pris + ' . $quantite . ' <= ' . $quota;
			}
			$res = sql_update(self::JAUGES, ['pris' => 'pris + ' . $quantite], $where);
			if (guichet_sql_lignes_modifiees($res) !== 1) {
				$occupes = (int) sql_getfetsel('pris', self::JAUGES, array_slice($where, 0, 2));
				$manques[] = ['typeId' => $typeId, 'available' => max(0, (int) $quota - $occupes)];
				break;
			}
			$pris[$typeId] = $quantite;
		}
		if ($manques !== []) {
			foreach ($pris as $typeId => $quantite) {
				$this->ajusterJauge($formId, (string) $typeId, -$quantite);
			}
			return $manques;
		}
		foreach ($pris as $typeId => $quantite) {
			sql_insertq(self::PLACES, [
				'commande' => $orderId,
				'id_guichet_formulaire' => $formId,
				'type_billet' => (string) $typeId,
				'quantite' => $quantite,
				'etat' => 'held',
				'expire' => self::instant($expiresAt),
			]);
		}
		$this->siAnnule(function () use ($orderId) {
			$this->releaseSeats($orderId);
			sql_delete(self::PLACES, 'commande = ' . sql_quote($orderId));
		});
		return [];
	}

	public function confirmSeats(string $orderId): void {
		foreach ($this->places($orderId) as $place) {
			if ($place['etat'] === 'sold' || !$this->changerEtat($place, $place['etat'], 'sold')) {
				continue;
			}
			// Paid after its hold lapsed: the money is real, so are the seats (the counter may pass the quota).
			$retour = $place['etat'] === 'released' ? (int) $place['quantite'] : 0;
			$this->ajusterJauge($place['id_guichet_formulaire'], $place['type_billet'], $retour);
			$this->siAnnule(function () use ($place, $retour) {
				if ($this->changerEtat($place, 'sold', $place['etat'])) {
					$this->ajusterJauge($place['id_guichet_formulaire'], $place['type_billet'], -$retour);
				}
			});
		}
	}

	public function releaseSeats(string $orderId): void {
		foreach ($this->places($orderId) as $place) {
			if ($place['etat'] === 'released' || !$this->changerEtat($place, $place['etat'], 'released')) {
				continue;
			}
			$this->ajusterJauge($place['id_guichet_formulaire'], $place['type_billet'], -(int) $place['quantite']);
			$this->siAnnule(function () use ($place) {
				if ($this->changerEtat($place, 'released', $place['etat'])) {
					$this->ajusterJauge($place['id_guichet_formulaire'], $place['type_billet'], (int) $place['quantite']);
				}
			});
		}
	}

	public function seatCounts(string $formId, \DateTimeImmutable $now): array {
		$lignes = sql_allfetsel('type_billet, etat, expire, quantite', self::PLACES, [
			'id_guichet_formulaire = ' . sql_quote($formId),
			sql_in('etat', ['sold', 'held']),
		]);
		$maintenant = self::instant($now);
		$comptes = [];
		foreach ($lignes as $ligne) {
			$type = (string) $ligne['type_billet'];
			$comptes[$type] = $comptes[$type] ?? ['sold' => 0, 'held' => 0];
			if ($ligne['etat'] === 'sold') {
				$comptes[$type]['sold'] += (int) $ligne['quantite'];
			} elseif (strcmp((string) $ligne['expire'], $maintenant) > 0) {
				$comptes[$type]['held'] += (int) $ligne['quantite'];
			}
		}
		return $comptes;
	}

	/** Gives back the form's lapsed holds, each exactly once (the state change is the claim). */
	private function rendreExpirees(string $formId, \DateTimeImmutable $now) {
		$lignes = sql_allfetsel('*', self::PLACES, [
			'id_guichet_formulaire = ' . sql_quote($formId),
			"etat = 'held'",
			'expire <= ' . sql_quote(self::instant($now)),
		]);
		foreach ($lignes as $place) {
			if ($this->changerEtat($place, 'held', 'released')) {
				$this->ajusterJauge($formId, $place['type_billet'], -(int) $place['quantite']);
			}
		}
	}

	private function changerEtat(array $place, string $de, string $vers): bool {
		$res = sql_updateq(self::PLACES, ['etat' => $vers], [
			'commande = ' . sql_quote($place['commande']),
			'type_billet = ' . sql_quote($place['type_billet']),
			'etat = ' . sql_quote($de),
		]);
		return guichet_sql_lignes_modifiees($res) === 1;
	}

	private function places(string $orderId): array {
		return sql_allfetsel('*', self::PLACES, 'commande = ' . sql_quote($orderId));
	}

	private function assurerJauge(string $formId, string $typeId) {
		$where = ['id_guichet_formulaire = ' . sql_quote($formId), 'type_billet = ' . sql_quote($typeId)];
		if (!sql_countsel(self::JAUGES, $where)) {
			// Two first buyers may both try: the primary key keeps one row, the other insert just fails.
			sql_insertq(self::JAUGES, ['id_guichet_formulaire' => $formId, 'type_billet' => $typeId, 'pris' => 0]);
		}
	}

	private function ajusterJauge(string $formId, string $typeId, int $delta) {
		if ($delta === 0) {
			return;
		}
		sql_update(self::JAUGES, ['pris' => 'pris ' . ($delta < 0 ? '- ' : '+ ') . abs($delta)], [
			'id_guichet_formulaire = ' . sql_quote($formId),
			'type_billet = ' . sql_quote($typeId),
		]);
	}

	/* Totals, events, idempotency ---------------------------------------------------------------------- */

	public function promoCodeUses(string $formId, string $code): int {
		return (int) sql_countsel(self::COMMANDES, [
			'id_guichet_formulaire = ' . sql_quote($formId),
			'LOWER(code_promo) = ' . sql_quote(strtolower($code)),
			sql_in('statut', ['pending', 'paid']),
		]);
	}

	public function raisedAmount(string $formId): int {
		return (int) sql_getfetsel('SUM(total - rembourse)', self::COMMANDES, [
			'id_guichet_formulaire = ' . sql_quote($formId),
			"statut = 'paid'",
		]);
	}

	public function markEventProcessed(string $provider, string $eventId, \DateTimeImmutable $at): bool {
		$where = ['prestataire = ' . sql_quote($provider), 'evenement = ' . sql_quote($eventId)];
		if (sql_countsel(self::EVENEMENTS, $where)) {
			return false;
		}
		if (sql_insertq(self::EVENEMENTS, ['prestataire' => $provider, 'evenement' => $eventId, 'date' => self::instant($at)]) === false) {
			return false;
		}
		$this->siAnnule(static function () use ($where) {
			sql_delete(self::EVENEMENTS, $where);
		});
		return true;
	}

	public function findIdempotentResponse(string $key): ?array {
		$ligne = sql_fetsel('empreinte, reponse', self::IDEMPOTENCE, 'cle = ' . sql_quote($key));
		if (!$ligne) {
			return null;
		}
		return [
			'requestHash' => (string) $ligne['empreinte'],
			'response' => $ligne['reponse'] === '' ? null : self::decoder($ligne['reponse']),
		];
	}

	public function claimIdempotencyKey(string $key, string $requestHash, \DateTimeImmutable $at): bool {
		if (sql_countsel(self::IDEMPOTENCE, 'cle = ' . sql_quote($key))) {
			return false;
		}
		if (sql_insertq(self::IDEMPOTENCE, ['cle' => $key, 'empreinte' => $requestHash, 'reponse' => '', 'date' => self::instant($at)]) === false) {
			return false;
		}
		$this->siAnnule(static function () use ($key) {
			sql_delete(self::IDEMPOTENCE, 'cle = ' . sql_quote($key));
		});
		return true;
	}

	public function completeIdempotencyKey(string $key, array $response): void {
		sql_updateq(self::IDEMPOTENCE, ['reponse' => \Guichet\Adapter\Protocol\Json::encode($response)], 'cle = ' . sql_quote($key));
	}

	/* Mapping ---------------------------------------------------------------------------------------- */

	/** The columns lists and filters read, from the order (the JSON holds everything). */
	private static function colonnes(array $order): array {
		$payer = is_array($order['payer'] ?? null) ? $order['payer'] : [];
		return [
			'statut' => (string) $order['status'],
			'devise' => (string) $order['currency'],
			'total' => (int) $order['total'],
			'rembourse' => (int) ($order['refundedAmount'] ?? 0),
			'prestataire' => (string) $order['provider'],
			'ref_prestataire' => (string) ($order['providerRef'] ?? ''),
			'ref_paiement' => (string) ($order['paymentRef'] ?? ''),
			'ref_abonnement' => (string) ($order['subscriptionRef'] ?? ''),
			'code_promo' => (string) ($order['promoCode'] ?? ''),
			'email' => (string) ($payer['email'] ?? ''),
			'recherche' => mb_strtolower(implode(' ', [
				$order['id'], $payer['email'] ?? '', $payer['firstName'] ?? '', $payer['lastName'] ?? '', $order['reference'] ?? '',
			])),
			'expire' => (string) ($order['expiresAt'] ?? ''),
			'donnees' => \Guichet\Adapter\Protocol\Json::encode($order),
		];
	}

	private static function filtre(array $filter): array {
		$where = [];
		$colonnes = ['formId' => 'id_guichet_formulaire', 'status' => 'statut', 'kind' => 'genre', 'provider' => 'prestataire'];
		foreach ($colonnes as $cle => $colonne) {
			if (isset($filter[$cle]) && $filter[$cle] !== '') {
				$where[] = $colonne . ' = ' . sql_quote((string) $filter[$cle]);
			}
		}
		if (isset($filter['from']) && $filter['from'] !== '') {
			$where[] = 'date >= ' . sql_quote((string) $filter['from']);
		}
		if (isset($filter['to']) && $filter['to'] !== '') {
			$where[] = 'date < ' . sql_quote((string) $filter['to']);
		}
		if (isset($filter['search']) && $filter['search'] !== '') {
			// LIKE wildcards typed by the treasurer are taken literally ("ord_3Tn9" is an order id, "_" included),
			// escaped with "!" which MySQL and SQLite read alike (a backslash is not).
			$motif = strtr(mb_strtolower((string) $filter['search']), ['!' => '!!', '%' => '!%', '_' => '!_']);
			$where[] = 'recherche LIKE ' . sql_quote('%' . $motif . '%') . " ESCAPE '!'";
		}
		return $where;
	}

	private static function instant(\DateTimeInterface $instant): string {
		return \Guichet\Adapter\Domain\Instant::format($instant);
	}

	private static function decoder($json): array {
		$valeur = json_decode((string) $json, true);
		return is_array($valeur) ? $valeur : [];
	}
}
