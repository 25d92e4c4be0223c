<?php
/**
 * The wiring: one OrdersContext per hit, built from SPIP's ports, whose order changes are announced to other
 * plugins through our pipelines (guichet_commande_payee, guichet_commande_remboursee, guichet_commande_changee).
 */

if (!defined('_ECRIRE_INC_VERSION')) {
	return;
}

include_spip('inc/guichet_ports');
include_spip('inc/guichet_stockage');

/** @return \Guichet\Adapter\Orders\OrdersContext */
function guichet_site($recharger = false) {
	static $site = null;
	if ($site === null || $recharger) {
		$stockage = new GuichetStockageSql();
		$reglages = new GuichetReglagesSpip();
		$horloge = isset($GLOBALS['guichet_horloge']) ? $GLOBALS['guichet_horloge'] : new \Guichet\Adapter\Ports\SystemClock();
		$journal = new \Guichet\Adapter\Ports\RedactingLogger(new GuichetJournalSpip());
		$http = isset($GLOBALS['guichet_http']) ? $GLOBALS['guichet_http'] : new \Guichet\Adapter\Ports\CurlHttpClient(30);
		try {
			$prestataires = \Guichet\Adapter\Providers\ProviderRegistry::fromSettings($reglages, $http, $horloge);
		} catch (\Guichet\Adapter\Providers\ProviderConfigError $e) {
			// A half-filled configuration must not take the whole site down: that provider stays off.
			$journal->log('error', 'provider configuration refused', ['reason' => $e->getMessage()]);
			$prestataires = [];
		}
		$site = new \Guichet\Adapter\Orders\OrdersContext($stockage, $stockage, $reglages, $horloge, $journal, $prestataires);
		$site->onChange('guichet_annoncer_changement');
		// Tax receipts follow the orders: issued when paid, cancelled or corrected on refunds.
		$site->onChange(static function ($evenement, array $commande) {
			guichet_recus()->onOrderChanged((string) $evenement, $commande);
		});
	}
	return $site;
}

/** The receipts' store on sql_* (one per hit). @return GuichetRecusSql */
function guichet_recus_stockage() {
	static $stockage = null;
	if ($stockage === null) {
		include_spip('inc/guichet_recus_stockage');
		$stockage = new GuichetRecusSql();
	}
	return $stockage;
}

/** The adapter's receipts service on this site's ports. @return \Guichet\Adapter\Receipts\ReceiptService */
function guichet_recus($recharger = false) {
	static $service = null;
	static $pour = null;
	$site = guichet_site();
	// Rebuilt with the site (tests reload it with another clock).
	if ($service === null || $recharger || $pour !== $site) {
		include_spip('inc/guichet_recus_reglages');
		$pour = $site;
		$service = new \Guichet\Adapter\Receipts\ReceiptService(
			$site->storage,
			guichet_recus_stockage(),
			new GuichetReglagesRecusSpip(),
			$site->forms,
			new GuichetCourrielSpip(),
			$site->clock,
			$site->log
		);
	}
	return $service;
}

/** @return \Guichet\Adapter\Http\ProtocolHandler */
function guichet_protocole() {
	// With the receipts service, GET orders/{id} carries the order's receipt {number, url}.
	return new \Guichet\Adapter\Http\ProtocolHandler(guichet_site(), guichet_recus());
}

/**
 * Tells other plugins an order changed. `data` is the order (without its token hash); the pipelines are
 * declared in paquet.xml and do nothing unless a plugin listens.
 */
function guichet_annoncer_changement($evenement, array $commande) {
	unset($commande['tokenHash']);
	$flux = ['args' => ['evenement' => $evenement, 'commande' => $commande['id']], 'data' => $commande];
	pipeline('guichet_commande_changee', $flux);
	if ($evenement === 'paid') {
		pipeline('guichet_commande_payee', $flux);
	} elseif ($evenement === 'refunded') {
		pipeline('guichet_commande_remboursee', $flux);
	}
}

/** Sends a protocol answer as the body of the current hit. */
function guichet_envoyer_reponse(\Guichet\Adapter\Http\HttpAnswer $reponse) {
	http_response_code($reponse->status);
	if (!headers_sent()) {
		foreach ($reponse->headers as $nom => $valeur) {
			header($nom . ': ' . $valeur);
		}
	}
	echo $reponse->json();
}

/** The request headers, from the server's variables (getallheaders() is missing under some FastCGI setups). */
function guichet_entetes_requete() {
	$entetes = [];
	foreach ($_SERVER as $cle => $valeur) {
		if (strncmp($cle, 'HTTP_', 5) === 0) {
			$entetes[str_replace('_', '-', substr($cle, 5))] = (string) $valeur;
		} elseif ($cle === 'CONTENT_TYPE' || $cle === 'CONTENT_LENGTH') {
			$entetes[str_replace('_', '-', $cle)] = (string) $valeur;
		}
	}
	return $entetes;
}

/** The raw request body, read once: webhooks are verified on these exact bytes. */
function guichet_corps_brut() {
	if (isset($GLOBALS['guichet_corps_brut'])) {
		return (string) $GLOBALS['guichet_corps_brut'];
	}
	return (string) file_get_contents('php://input');
}
