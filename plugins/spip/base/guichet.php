<?php
/**
 * Tables of the Guichet plugin, declared through SPIP's pipelines so that maj_tables() creates and upgrades them
 * on MySQL and SQLite alike. Money columns are integers in minor units (cents), never decimals.
 */

if (!defined('_ECRIRE_INC_VERSION')) {
	return;
}

/** The forms an editor places in articles: an editorial object edited in the private space. */
function guichet_declarer_tables_objets_sql($tables) {
	$tables['spip_guichet_formulaires'] = [
		'type' => 'guichet_formulaire',
		'principale' => 'oui',
		'table_objet_surnoms' => ['guichetformulaire'],
		'field' => [
			'id_guichet_formulaire' => 'bigint(21) NOT NULL',
			'titre' => "text NOT NULL DEFAULT ''",
			'genre' => "varchar(16) NOT NULL DEFAULT 'donation'",
			'config' => "longtext NOT NULL DEFAULT ''",
			'statut' => "varchar(20) NOT NULL DEFAULT 'prepa'",
			'date' => "datetime NOT NULL DEFAULT '0000-00-00 00:00:00'",
			'maj' => 'TIMESTAMP',
		],
		'key' => [
			'PRIMARY KEY' => 'id_guichet_formulaire',
			'KEY statut' => 'statut',
		],
		'titre' => 'titre AS titre, "" AS lang',
		'date' => 'date',
		'champs_editables' => ['titre', 'genre', 'config'],
		'champs_versionnes' => ['titre', 'config'],
		'rechercher_champs' => ['titre' => 8],
		'statut' => [[
			'champ' => 'statut',
			'publie' => 'publie',
			'previsu' => 'publie,prepa',
			'exception' => ['statut', 'tout'],
		]],
		'statut_textes_instituer' => [
			'prepa' => 'guichet:statut_prepa',
			'publie' => 'guichet:statut_publie',
			'poubelle' => 'guichet:statut_poubelle',
		],
		// No public page of its own: a form is shown through the modèles in articles.
		'page' => false,
		'texte_retour' => 'icone_retour',
		'texte_changer_statut' => 'guichet:texte_changer_statut',
		'texte_objets' => 'guichet:formulaires',
		'texte_objet' => 'guichet:formulaire',
		'texte_modifier' => 'guichet:formulaire_modifier',
		'texte_creer' => 'guichet:formulaire_creer',
		'info_aucun_objet' => 'guichet:formulaire_aucun',
		'info_1_objet' => 'guichet:formulaire_un',
		'info_nb_objets' => 'guichet:formulaire_nb',
	];
	return $tables;
}

/** Orders: the adapter's order kept whole as JSON (donnees) beside the columns lists, filters and exports use. */
function guichet_declarer_tables_principales($tables) {
	$tables['spip_guichet_commandes'] = [
		'field' => [
			'id_guichet_commande' => 'bigint(21) NOT NULL',
			'commande' => "varchar(64) NOT NULL DEFAULT ''",
			'id_guichet_formulaire' => "varchar(64) NOT NULL DEFAULT ''",
			'genre' => "varchar(16) NOT NULL DEFAULT ''",
			'statut' => "varchar(16) NOT NULL DEFAULT 'pending'",
			'devise' => "char(3) NOT NULL DEFAULT 'EUR'",
			'total' => 'bigint(21) NOT NULL DEFAULT 0',
			'rembourse' => 'bigint(21) NOT NULL DEFAULT 0',
			'prestataire' => "varchar(32) NOT NULL DEFAULT ''",
			'ref_prestataire' => "varchar(255) NOT NULL DEFAULT ''",
			'ref_paiement' => "varchar(255) NOT NULL DEFAULT ''",
			'ref_abonnement' => "varchar(255) NOT NULL DEFAULT ''",
			'code_promo' => "varchar(64) NOT NULL DEFAULT ''",
			'email' => "varchar(255) NOT NULL DEFAULT ''",
			'recherche' => "text NOT NULL DEFAULT ''",
			'date' => "varchar(32) NOT NULL DEFAULT ''",
			'expire' => "varchar(32) NOT NULL DEFAULT ''",
			'donnees' => "longtext NOT NULL DEFAULT ''",
			// Raised by every write, so a compare-and-set always changes a row (MySQL counts changed rows only).
			'version' => 'bigint(21) NOT NULL DEFAULT 0',
			'maj' => 'TIMESTAMP',
		],
		'key' => [
			'PRIMARY KEY' => 'id_guichet_commande',
			'UNIQUE commande' => 'commande',
			'KEY formulaire' => 'id_guichet_formulaire, statut',
			'KEY prestataire' => 'prestataire, ref_prestataire',
			'KEY expire' => 'statut, expire',
		],
	];
	return $tables;
}

/**
 * Seat accounting: one counter row per ticket type (guichet_jauges: seats taken = sold + held), which the
 * hold raises with a single conditional UPDATE, and one row per order and type (guichet_places) telling
 * what to give back. Plus the provider events already applied and the Idempotency-Key answers.
 */
function guichet_declarer_tables_auxiliaires($tables) {
	$tables['spip_guichet_jauges'] = [
		'field' => [
			'id_guichet_formulaire' => "varchar(64) NOT NULL DEFAULT ''",
			'type_billet' => "varchar(64) NOT NULL DEFAULT ''",
			'pris' => 'bigint(21) NOT NULL DEFAULT 0',
		],
		'key' => ['PRIMARY KEY' => 'id_guichet_formulaire, type_billet'],
	];
	$tables['spip_guichet_places'] = [
		'field' => [
			'commande' => "varchar(64) NOT NULL DEFAULT ''",
			'id_guichet_formulaire' => "varchar(64) NOT NULL DEFAULT ''",
			'type_billet' => "varchar(64) NOT NULL DEFAULT ''",
			'quantite' => 'bigint(21) NOT NULL DEFAULT 0',
			'etat' => "varchar(16) NOT NULL DEFAULT 'held'",
			'expire' => "varchar(32) NOT NULL DEFAULT ''",
		],
		'key' => [
			'PRIMARY KEY' => 'commande, type_billet',
			'KEY formulaire' => 'id_guichet_formulaire, type_billet, etat',
		],
	];
	$tables['spip_guichet_evenements'] = [
		'field' => [
			'prestataire' => "varchar(32) NOT NULL DEFAULT ''",
			'evenement' => "varchar(255) NOT NULL DEFAULT ''",
			'date' => "varchar(32) NOT NULL DEFAULT ''",
		],
		'key' => ['PRIMARY KEY' => 'prestataire, evenement'],
	];
	$tables['spip_guichet_idempotence'] = [
		'field' => [
			'cle' => "varchar(255) NOT NULL DEFAULT ''",
			'empreinte' => "varchar(64) NOT NULL DEFAULT ''",
			'reponse' => "longtext NOT NULL DEFAULT ''",
			'date' => "varchar(32) NOT NULL DEFAULT ''",
		],
		'key' => ['PRIMARY KEY' => 'cle'],
	];
	// Tax receipts: append-only, one row per ledger position (inc/guichet_recus_stockage.php). The issued order
	// and the frozen document are JSON; the other columns are what lists, filters and the ledger read.
	$tables['spip_guichet_recus'] = [
		'field' => [
			'position' => 'bigint(21) NOT NULL',
			'recu' => "varchar(64) NOT NULL DEFAULT ''",
			'numero' => "varchar(32) NOT NULL DEFAULT ''",
			'annee' => 'int(11) NOT NULL DEFAULT 0',
			'sequence' => 'bigint(21) NOT NULL DEFAULT 0',
			'genre' => "varchar(16) NOT NULL DEFAULT ''",
			'cle' => "varchar(255) NOT NULL DEFAULT ''",
			'prefixe' => "varchar(16) NOT NULL DEFAULT ''",
			'remplace' => "varchar(32) NOT NULL DEFAULT ''",
			'commandes' => "text NOT NULL DEFAULT ''",
			'email' => "varchar(255) NOT NULL DEFAULT ''",
			'email_min' => "varchar(255) NOT NULL DEFAULT ''",
			'donateur' => "text NOT NULL DEFAULT ''",
			'montant' => 'bigint(21) NOT NULL DEFAULT 0',
			'devise' => "char(3) NOT NULL DEFAULT 'EUR'",
			'date' => "varchar(32) NOT NULL DEFAULT ''",
			'document' => "longtext NOT NULL DEFAULT ''",
			'hash_precedent' => "char(64) NOT NULL DEFAULT ''",
			'hash' => "char(64) NOT NULL DEFAULT ''",
		],
		'key' => [
			'PRIMARY KEY' => 'position',
			'UNIQUE recu' => 'recu',
			'UNIQUE numero' => 'numero',
			'UNIQUE cle' => 'cle',
			'KEY annee' => 'annee',
			'KEY email_min' => 'email_min',
			'KEY remplace' => 'remplace',
		],
	];
	// One counter per receipt series (the year) plus `registre`, the ledger's last position: the rows the
	// issuing transaction locks, never a database sequence (a rollback must leave no hole).
	$tables['spip_guichet_recus_compteurs'] = [
		'field' => [
			'serie' => "varchar(16) NOT NULL DEFAULT ''",
			'valeur' => 'bigint(21) NOT NULL DEFAULT 0',
		],
		'key' => ['PRIMARY KEY' => 'serie'],
	];
	return $tables;
}

function guichet_declarer_tables_interfaces($interfaces) {
	$interfaces['table_des_tables']['guichet_formulaires'] = 'guichet_formulaires';
	$interfaces['table_des_tables']['guichet_commandes'] = 'guichet_commandes';
	return $interfaces;
}

/** Every table of the plugin, for maj_tables() and uninstall. */
function guichet_tables() {
	return [
		'spip_guichet_formulaires',
		'spip_guichet_commandes',
		'spip_guichet_jauges',
		'spip_guichet_places',
		'spip_guichet_evenements',
		'spip_guichet_idempotence',
		'spip_guichet_recus',
		'spip_guichet_recus_compteurs',
	];
}

/** The tax receipts' tables: an uninstall keeps them (guichet_vider_tables). */
function guichet_tables_recus() {
	return ['spip_guichet_recus', 'spip_guichet_recus_compteurs'];
}
