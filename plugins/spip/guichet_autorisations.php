<?php
/**
 * Who may do what. Money is the treasurer's business: by default only administrators (0minirezo) see orders,
 * and only non-restricted ones refund or export. Sites may override any autoriser_…_dist in their own code.
 */

if (!defined('_ECRIRE_INC_VERSION')) {
	return;
}

/** The `autoriser` pipeline's entry point: nothing to declare, loading this file is the point. */
function guichet_autoriser() {
}

function guichet_est_admin_complet($qui) {
	return ($qui['statut'] ?? '') === '0minirezo' && empty($qui['restreint']);
}

function autoriser_guichetcommandes_menu_dist($faire, $type, $id, $qui, $opt) {
	return autoriser('voir', 'guichetcommande', $id, $qui, $opt);
}

/** Members and attendees come from the orders: who sees the orders sees them. */
function autoriser_guichetmembres_menu_dist($faire, $type, $id, $qui, $opt) {
	return autoriser('voir', 'guichetcommande', $id, $qui, $opt);
}

function autoriser_guichetparticipants_menu_dist($faire, $type, $id, $qui, $opt) {
	return autoriser('voir', 'guichetcommande', $id, $qui, $opt);
}

function autoriser_guichetformulaires_menu_dist($faire, $type, $id, $qui, $opt) {
	return autoriser('modifier', 'guichetformulaire', $id, $qui, $opt);
}

function autoriser_configurerguichet_menu_dist($faire, $type, $id, $qui, $opt) {
	return autoriser('configurer', 'guichet', $id, $qui, $opt);
}

function autoriser_guichet_configurer_dist($faire, $type, $id, $qui, $opt) {
	return guichet_est_admin_complet($qui);
}

function autoriser_guichetcommande_voir_dist($faire, $type, $id, $qui, $opt) {
	return ($qui['statut'] ?? '') === '0minirezo';
}

function autoriser_guichetcommande_rembourser_dist($faire, $type, $id, $qui, $opt) {
	return guichet_est_admin_complet($qui);
}

function autoriser_guichetcommande_marquerrecu_dist($faire, $type, $id, $qui, $opt) {
	return ($qui['statut'] ?? '') === '0minirezo';
}

function autoriser_guichetcommande_exporter_dist($faire, $type, $id, $qui, $opt) {
	return guichet_est_admin_complet($qui);
}

/** Tax receipts: administrators see them; changing or exporting them is for non-restricted ones. */
function autoriser_guichetrecus_menu_dist($faire, $type, $id, $qui, $opt) {
	return autoriser('voir', 'guichetrecu', $id, $qui, $opt);
}

function autoriser_guichetrecu_voir_dist($faire, $type, $id, $qui, $opt) {
	return ($qui['statut'] ?? '') === '0minirezo';
}

function autoriser_guichetrecu_gerer_dist($faire, $type, $id, $qui, $opt) {
	return guichet_est_admin_complet($qui);
}

function autoriser_guichetrecu_exporter_dist($faire, $type, $id, $qui, $opt) {
	return guichet_est_admin_complet($qui);
}

/** Editors can build forms; publishing one (taking money with it) is for administrators. */
function autoriser_guichetformulaire_creer_dist($faire, $type, $id, $qui, $opt) {
	return in_array($qui['statut'] ?? '', ['0minirezo', '1comite'], true);
}

function autoriser_guichetformulaire_modifier_dist($faire, $type, $id, $qui, $opt) {
	return in_array($qui['statut'] ?? '', ['0minirezo', '1comite'], true);
}

function autoriser_guichetformulaire_instituer_dist($faire, $type, $id, $qui, $opt) {
	return ($qui['statut'] ?? '') === '0minirezo';
}
