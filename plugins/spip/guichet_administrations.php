<?php
/**
 * Installation and upgrades of the Guichet plugin: tables through maj_tables() (which reads our declarations
 * in base/guichet.php), configuration defaults through ecrire_config().
 */

if (!defined('_ECRIRE_INC_VERSION')) {
	return;
}

include_spip('base/guichet');

/** Called by SPIP when the schema in paquet.xml differs from the meta guichet_base_version. */
function guichet_upgrade($nom_meta_base_version, $version_cible) {
	$maj = [];
	$maj['create'] = [
		['maj_tables', guichet_tables()],
		['guichet_configuration_initiale'],
		['guichet_recus_transactionnels'],
		['guichet_secret_recus'],
	];
	// 1.0.1: the seat counter table (guichet_jauges) joins; maj_tables only adds what is missing.
	$maj['1.0.1'] = [
		['maj_tables', guichet_tables()],
		['guichet_recompter_jauges'],
	];
	// 1.0.2: tax receipts (spip_guichet_recus and their counters) and the secret signing their links.
	$maj['1.0.2'] = [
		['maj_tables', guichet_tables()],
		['guichet_recus_transactionnels'],
		['guichet_secret_recus'],
	];
	include_spip('base/upgrade');
	maj_plugin($nom_meta_base_version, $version_cible, $maj);
}

/**
 * Uninstall from the plugins page: removes the tables and the configuration, except the tax receipts (their
 * tables and the secret of the links donors were sent). The association must keep receipts for six years, and
 * installing again continues their numbering instead of handing out 2026-00001 a second time.
 */
function guichet_vider_tables($nom_meta_base_version) {
	foreach (array_diff(guichet_tables(), guichet_tables_recus()) as $table) {
		sql_drop_table($table);
	}
	effacer_config('guichet');
	effacer_meta('guichet_recus');
	effacer_meta('guichet_recus_annuels');
	effacer_meta($nom_meta_base_version);
}

/** Defaults a treasurer can change; the simulation secret is generated here and never shown in full. */
function guichet_configuration_initiale() {
	include_spip('inc/config');
	$existante = lire_config('guichet', []);
	$defauts = [
		'simulation' => 'oui',
		'simulation_secret' => bin2hex(random_bytes(24)),
		'langue' => 'fr',
		'organisation' => ['nom' => lire_config('nom_site', ''), 'adresse' => '', 'siren' => '', 'objet' => ''],
		'stripe' => ['cle_publique' => '', 'cle_secrete' => '', 'secret_webhook' => '', 'ui' => 'embedded_page'],
		'hors_ligne' => [
			'cheque_ordre' => '', 'cheque_adresse' => '',
			'virement_iban' => '', 'virement_bic' => '', 'virement_titulaire' => '',
		],
	];
	ecrire_config('guichet', array_replace($defauts, is_array($existante) ? $existante : []));
}

/**
 * Rebuilds the seat counters from the seat rows (sold + still held): run when the counter table appears, and
 * safe to run again since it writes the totals rather than adding to them.
 */
function guichet_recompter_jauges() {
	$maintenant = gmdate('Y-m-d\TH:i:s\Z');
	// Lapsed holds are given back first, so the counter and the seat rows tell the same story.
	sql_updateq('spip_guichet_places', ['etat' => 'released'], "etat = 'held' AND expire <= " . sql_quote($maintenant));
	$lignes = sql_allfetsel(
		'id_guichet_formulaire, type_billet, SUM(quantite) AS pris',
		'spip_guichet_places',
		sql_in('etat', ['sold', 'held']),
		'id_guichet_formulaire, type_billet'
	);
	sql_delete('spip_guichet_jauges');
	foreach ($lignes as $ligne) {
		sql_insertq('spip_guichet_jauges', [
			'id_guichet_formulaire' => $ligne['id_guichet_formulaire'],
			'type_billet' => $ligne['type_billet'],
			'pris' => (int) $ligne['pris'],
		]);
	}
}

/**
 * The secret signing the receipts' download links, generated once and kept in its own meta (never in the
 * `guichet` configuration the form shows and saves back). Kept when it exists: links already sent stay valid.
 */
function guichet_secret_recus() {
	include_spip('inc/meta');
	include_spip('inc/config');
	if ((string) lire_config('guichet_secret_recus', '') === '') {
		ecrire_meta('guichet_secret_recus', bin2hex(random_bytes(32)), 'non');
	}
}

/**
 * On MySQL, SPIP 4.1 creates tables as MyISAM (_MYSQL_ENGINE), which ignores transactions and row locks: the
 * receipts' tables are moved to InnoDB, or two issues at once could take the same number. SQLite needs nothing.
 */
function guichet_recus_transactionnels() {
	include_spip('inc/guichet_sql');
	if (guichet_sql_moteur() !== 'mysql') {
		return;
	}
	foreach (['spip_guichet_recus', 'spip_guichet_recus_compteurs'] as $table) {
		sql_alter('TABLE ' . $table . ' ENGINE = InnoDB');
	}
}
