<?php
/**
 * Back-office actions on tax receipts, one signed argument `operation/parametre` (securiser_action), each
 * checked against its own permission:
 * - pdf/<number>, csv/<year>, zip/<year>: files (voir, exporter);
 * - renvoyer/<number>, annuler/<number>, manquants/<year>, annuels/<year>: changes (gerer);
 * - verifier/0: the ledger's hash chain (voir).
 * Changes go back to the receipts page with their outcome; nothing about a donor is logged, numbers are.
 */

if (!defined('_ECRIRE_INC_VERSION')) {
	return;
}

function action_guichet_recus_dist($arg = null) {
	if ($arg === null) {
		$securiser_action = charger_fonction('securiser_action', 'inc');
		$arg = $securiser_action();
	}
	[$operation, $parametre] = array_pad(explode('/', (string) $arg, 2), 2, '');
	$droits = ['pdf' => 'voir', 'verifier' => 'voir', 'csv' => 'exporter', 'zip' => 'exporter',
		'renvoyer' => 'gerer', 'annuler' => 'gerer', 'manquants' => 'gerer', 'annuels' => 'gerer'];
	include_spip('inc/autoriser');
	if (!isset($droits[$operation]) || !preg_match('/^[A-Z0-9-]{1,32}$/', $parametre) || !autoriser($droits[$operation], 'guichetrecu')) {
		include_spip('inc/minipres');
		echo minipres(_T('info_acces_interdit'));
		return;
	}
	include_spip('inc/guichet_site');
	include_spip('action/guichet_recu');
	$service = guichet_recus();
	$auteur = (int) ($GLOBALS['visiteur_session']['id_auteur'] ?? 0);
	$annee = (int) $parametre;
	try {
		switch ($operation) {
			case 'pdf':
				$pdf = $service->pdf($parametre);
				if ($pdf === null) {
					throw new \Guichet\Adapter\Receipts\ReceiptError('receipt_not_found', $parametre);
				}
				guichet_envoyer_pdf($pdf['fileName'], $pdf['bytes']);
				return;
			case 'csv':
				guichet_envoyer_pdf('recus-fiscaux-' . $annee . '.csv', $service->exportCsv($annee, guichet_recus_langue()), 'text/csv; charset=utf-8');
				spip_log("export csv des reçus $annee par auteur $auteur", 'guichet' . _LOG_INFO_IMPORTANTE);
				return;
			case 'zip':
				guichet_envoyer_pdf('recus-fiscaux-' . $annee . '.zip', $service->exportZip($annee), 'application/zip');
				spip_log("export zip des reçus $annee par auteur $auteur", 'guichet' . _LOG_INFO_IMPORTANTE);
				return;
			case 'verifier':
				$bilan = $service->verify();
				guichet_recus_retour(!empty($bilan['ok']) ? 'registre_ok' : 'registre_casse', ['position' => (int) ($bilan['position'] ?? 0)]);
				return;
			case 'renvoyer':
				$envoye = $service->resend($parametre);
				guichet_recus_retour($envoye ? 'renvoye' : 'pas_renvoye', ['numero' => $parametre]);
				break;
			case 'annuler':
				$recu = $service->cancel($parametre);
				guichet_recus_retour('annule', ['numero' => $parametre, 'nouveau' => (string) ($recu['number'] ?? '')]);
				break;
			case 'manquants':
				// The paid orders of that calendar year, in Paris time as the receipts' years are.
				$paris = new \DateTimeZone('Europe/Paris');
				$emis = $service->issueMissing(new \DateTimeImmutable($annee . '-01-01 00:00:00', $paris), new \DateTimeImmutable(($annee + 1) . '-01-01 00:00:00', $paris));
				guichet_recus_retour('emis', ['nb' => is_array($emis) ? count($emis) : (int) $emis, 'annee' => $annee]);
				break;
			case 'annuels':
				$emis = $service->issueAnnual($annee);
				guichet_recus_retour('emis', ['nb' => is_array($emis) ? count($emis) : (int) $emis, 'annee' => $annee + 1]);
				break;
		}
		spip_log("reçus : $operation $parametre par auteur $auteur", 'guichet' . _LOG_INFO_IMPORTANTE);
	} catch (\Guichet\Adapter\Receipts\ReceiptError $e) {
		spip_log("reçus : $operation $parametre refusé ({$e->reason})", 'guichet' . _LOG_AVERTISSEMENT);
		guichet_recus_retour('refus', ['raison' => $e->reason]);
	}
}

/** The private space's language for the exported columns. */
function guichet_recus_langue() {
	return ($GLOBALS['spip_lang'] ?? 'fr') === 'en' ? 'en' : 'fr';
}

/**
 * Back to the receipts page with the outcome as a code and its figures (the page writes the sentence, so a
 * crafted address cannot put words in the treasurer's page).
 */
function guichet_recus_retour($resultat, array $params = []) {
	$url = generer_url_ecrire('guichet_recus', http_build_query(['resultat' => $resultat] + $params), true);
	if (!_request('redirect')) {
		$GLOBALS['redirect'] = $url;
	}
}
