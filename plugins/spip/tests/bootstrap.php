<?php
/** PHPUnit bootstrap: the SPIP API stand-in, then the plugin's options file as SPIP loads it on every hit. */

error_reporting(E_ALL);
date_default_timezone_set('Europe/Paris');

define('GUICHET_PLUGIN_DIR', dirname(__DIR__));
define('GUICHET_REPO_DIR', dirname(__DIR__, 3));

require __DIR__ . '/standin/core.php';
require __DIR__ . '/standin/sql.php';
require __DIR__ . '/standin/squelettes.php';
require __DIR__ . '/Support/SiteSpip.php';

standin_reset(GUICHET_PLUGIN_DIR);
require GUICHET_PLUGIN_DIR . '/guichet_options.php';
require __DIR__ . '/RealSpip/Support/SiteSpipReel.php';
require __DIR__ . '/RealSpip/Support/Navigateur.php';
require __DIR__ . '/RealSpip/Support/RealSpipTestCase.php';
