<?php
/** SPIP API stand-in: sql_* on PDO SQLite, and the upgrade helpers (see README.md). */

function standin_sql_ouvrir() {
	$pdo = new \PDO('sqlite::memory:');
	$pdo->setAttribute(\PDO::ATTR_ERRMODE, \PDO::ERRMODE_SILENT);
	$pdo->setAttribute(\PDO::ATTR_DEFAULT_FETCH_MODE, \PDO::FETCH_ASSOC);
	$GLOBALS['standin_pdo'] = $pdo;
	$GLOBALS['standin_sql_erreurs'] = [];
	$pdo->exec("CREATE TABLE spip_meta (nom VARCHAR(255) PRIMARY KEY, valeur TEXT, impt VARCHAR(3) DEFAULT 'oui', maj TIMESTAMP)");
}

function standin_pdo(): \PDO {
	return $GLOBALS['standin_pdo'];
}

/** Runs one statement; like SPIP, a failure is logged and answered with false rather than thrown. */
function standin_sql($sql, array $params = []) {
	$st = standin_pdo()->prepare($sql);
	if ($st === false || !$st->execute($params)) {
		$info = $st === false ? standin_pdo()->errorInfo() : $st->errorInfo();
		$GLOBALS['standin_sql_erreurs'][] = $sql . ' -> ' . ($info[2] ?? '?');
		spip_log('SQL error: ' . ($info[2] ?? '?'), 'sqlite' . _LOG_ERREUR);
		return false;
	}
	return $st;
}

function standin_where($where) {
	if (is_array($where)) {
		$where = implode(' AND ', array_map(static function ($w) {
			return '(' . $w . ')';
		}, array_filter($where, 'strlen')));
	}
	return $where === '' || $where === null ? '' : ' WHERE ' . $where;
}

function sql_quote($val, $serveur = '', $type = '') {
	if (is_int($val) || is_float($val)) {
		return (string) $val;
	}
	if (is_array($val)) {
		return implode(',', array_map('sql_quote', $val));
	}
	return standin_pdo()->quote((string) $val);
}

function sql_in($champ, $valeurs, $not = '', $serveur = '', $option = true) {
	$valeurs = is_array($valeurs) ? $valeurs : explode(',', (string) $valeurs);
	return $champ . ($not ? ' NOT' : '') . ' IN (' . implode(',', array_map('sql_quote', $valeurs)) . ')';
}

function sql_select($select = [], $from = [], $where = [], $groupby = [], $orderby = [], $limit = '', $having = [], $serveur = '', $option = true) {
	$liste = static function ($x) {
		return is_array($x) ? implode(', ', $x) : (string) $x;
	};
	$sql = 'SELECT ' . ($liste($select) ?: '*') . ' FROM ' . $liste($from) . standin_where($where);
	if ($liste($groupby) !== '') {
		$sql .= ' GROUP BY ' . $liste($groupby);
	}
	if ($liste($orderby) !== '') {
		$sql .= ' ORDER BY ' . $liste($orderby);
	}
	if ((string) $limit !== '') {
		$sql .= ' LIMIT ' . $limit; // "offset,count" like MySQL: SQLite reads it the same way
	}
	return standin_sql($sql);
}

/** A statement written whole (BEGIN IMMEDIATE, COMMIT…): the statement, or false. */
function sql_query($ins, $serveur = '', $option = true) {
	return standin_sql((string) $ins);
}

/** The connection's description; only its driver type is read by the plugin. */
function spip_connect($serveur = '', $version = '') {
	return ['type' => 'sqlite3', 'last' => ''];
}

function sql_fetch($res, $serveur = '', $option = true) {
	return $res ? $res->fetch(\PDO::FETCH_ASSOC) : false;
}

function sql_fetsel($select = [], $from = [], $where = [], $groupby = [], $orderby = [], $limit = '', $having = [], $serveur = '', $option = true) {
	$res = sql_select($select, $from, $where, $groupby, $orderby, $limit ?: '1', $having);
	return $res ? $res->fetch(\PDO::FETCH_ASSOC) : false;
}

function sql_allfetsel($select = [], $from = [], $where = [], $groupby = [], $orderby = [], $limit = '', $having = [], $serveur = '', $option = true) {
	$res = sql_select($select, $from, $where, $groupby, $orderby, $limit, $having);
	return $res ? $res->fetchAll(\PDO::FETCH_ASSOC) : [];
}

function sql_getfetsel($select, $from = [], $where = [], $groupby = [], $orderby = [], $limit = '', $having = [], $serveur = '', $option = true) {
	$res = sql_select($select, $from, $where, $groupby, $orderby, $limit ?: '1', $having);
	$ligne = $res ? $res->fetch(\PDO::FETCH_NUM) : false;
	return $ligne ? $ligne[0] : null;
}

function sql_countsel($from = [], $where = [], $groupby = [], $having = [], $serveur = '', $option = true) {
	return (int) sql_getfetsel('COUNT(*)', $from, $where, $groupby);
}

/** Returns the new row's id, or false (a duplicate key, for instance). */
function sql_insertq($table, $couples = [], $desc = [], $serveur = '', $option = true) {
	$cols = array_keys($couples);
	$res = standin_sql(
		'INSERT INTO ' . $table . ' (' . implode(', ', $cols) . ') VALUES (' . implode(', ', array_fill(0, count($cols), '?')) . ')',
		array_values($couples)
	);
	return $res ? (int) standin_pdo()->lastInsertId() : false;
}

/** Values quoted for us; under SQLite SPIP answers the statement (so rowCount() is there), false on error. */
function sql_updateq($table, $exp, $where = '', $desc = [], $serveur = '', $option = true) {
	$set = [];
	foreach ($exp as $champ => $valeur) {
		$set[$champ] = sql_quote($valeur);
	}
	return sql_update($table, $set, $where);
}

/** Values are SQL expressions, written as given (`pris + 2`). */
function sql_update($table, $exp, $where = '', $desc = [], $serveur = '', $option = true) {
	$set = [];
	foreach ($exp as $champ => $valeur) {
		$set[] = $champ . ' = ' . $valeur;
	}
	return standin_sql('UPDATE ' . $table . ' SET ' . implode(', ', $set) . standin_where($where));
}

/** Returns the number of rows deleted, or false. */
function sql_delete($table, $where = '', $serveur = '', $option = true) {
	$res = standin_sql('DELETE FROM ' . $table . standin_where($where));
	return $res ? $res->rowCount() : false;
}

function sql_drop_table($table, $exist = '', $serveur = '', $option = true) {
	return (bool) standin_sql('DROP TABLE IF EXISTS ' . $table);
}

function sql_showtable($table, $table_spip = false, $serveur = '', $option = true) {
	$colonnes = standin_sql("PRAGMA table_info($table)");
	$field = [];
	foreach ($colonnes ? $colonnes->fetchAll() : [] as $c) {
		$field[$c['name']] = $c['type'];
	}
	return $field ? ['field' => $field, 'key' => []] : false;
}

/* Tables from the plugin's declarations ---------------------------------------------------------------- */

/** Every table the plugin declares, merged from its pipelines (objects, principal and auxiliary tables). */
function standin_declarations() {
	$tables = pipeline('declarer_tables_objets_sql', []);
	$tables = pipeline('declarer_tables_principales', $tables);
	return pipeline('declarer_tables_auxiliaires', $tables);
}

/** CREATE TABLE from a SPIP-style description; a single PRIMARY KEY with $autoinc becomes SQLite's rowid. */
function sql_create($nom, $champs, $cles, $autoinc = false, $temporary = false, $serveur = '', $requeter = true) {
	$primaire = $cles['PRIMARY KEY'] ?? '';
	$auto = $autoinc && $primaire !== '' && strpos($primaire, ',') === false;
	$defs = [];
	foreach ($champs as $champ => $type) {
		if ($auto && $champ === $primaire) {
			$defs[] = "$champ INTEGER PRIMARY KEY AUTOINCREMENT";
		} elseif (strtoupper(trim($type)) === 'TIMESTAMP') {
			$defs[] = "$champ TIMESTAMP DEFAULT CURRENT_TIMESTAMP";
		} else {
			$defs[] = "$champ $type";
		}
	}
	if ($primaire !== '' && !$auto) {
		$defs[] = "PRIMARY KEY ($primaire)";
	}
	if (!standin_sql('CREATE TABLE IF NOT EXISTS ' . $nom . ' (' . implode(', ', $defs) . ')')) {
		return false;
	}
	foreach ($cles as $cle => $colonnes) {
		if (preg_match('/^(UNIQUE|KEY|INDEX)\s+(\w+)$/i', $cle, $m)) {
			standin_sql(($m[1] === 'UNIQUE' ? 'CREATE UNIQUE INDEX' : 'CREATE INDEX') . " IF NOT EXISTS {$nom}_{$m[2]} ON $nom ($colonnes)");
		}
	}
	return true;
}

/** Creates the missing tables and adds the missing columns, as maj_tables() is documented to. */
function maj_tables($tables = null, $serveur = '') {
	$declarations = standin_declarations();
	foreach ((array) $tables as $table) {
		$desc = $declarations[$table] ?? null;
		if ($desc === null) {
			continue;
		}
		$existante = sql_showtable($table);
		if (!$existante) {
			// Like SPIP: principal tables get an auto-increment key, auxiliary ones do not.
			$principale = isset($desc['type']) || strpos((string) ($desc['key']['PRIMARY KEY'] ?? ''), ',') === false
				&& strpos((string) ($desc['key']['PRIMARY KEY'] ?? ''), 'id_') === 0;
			sql_create($table, $desc['field'], $desc['key'], $principale);
			continue;
		}
		foreach ($desc['field'] as $champ => $type) {
			if (!isset($existante['field'][$champ])) {
				$type = strtoupper(trim($type)) === 'TIMESTAMP' ? 'TIMESTAMP' : $type;
				standin_sql("ALTER TABLE $table ADD COLUMN $champ $type");
			}
		}
	}
}

/**
 * maj_plugin(meta, cible, maj): a first install runs $maj['create']; an upgrade runs, in version order, the
 * steps above the installed version, recording each version reached in the meta.
 */
function maj_plugin($nom_meta_base_version, $version_cible, $maj, $table_meta = 'meta') {
	$actuelle = lire_meta($nom_meta_base_version);
	if ($actuelle === null) {
		standin_maj_etape($maj['create'] ?? []);
		ecrire_meta($nom_meta_base_version, $version_cible);
		return;
	}
	$versions = array_filter(array_keys($maj), static function ($v) {
		return $v !== 'create';
	});
	usort($versions, 'version_compare');
	foreach ($versions as $v) {
		if (version_compare($v, $actuelle, '>') && version_compare($v, $version_cible, '<=')) {
			standin_maj_etape($maj[$v]);
			ecrire_meta($nom_meta_base_version, $v);
		}
	}
	if (version_compare((string) lire_meta($nom_meta_base_version), $version_cible, '<')) {
		ecrire_meta($nom_meta_base_version, $version_cible);
	}
}

function standin_maj_etape(array $etapes) {
	foreach ($etapes as $etape) {
		$f = array_shift($etape);
		$f(...$etape);
	}
}
