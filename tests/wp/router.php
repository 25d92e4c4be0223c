<?php
/**
 * Router for PHP's built-in server: static files as they are, *.php files directly, everything else (pretty
 * permalinks, /wp-json/…) through WordPress's index.php.
 */
$root = $_SERVER['DOCUMENT_ROOT'];
$path = (string) parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
$file = $root . $path;
if (is_dir($file)) {
    $file = rtrim($file, '/') . '/index.php';
}
if ($path !== '/' && is_file($file) && substr($file, -4) !== '.php') {
    return false;
}
if (!($path !== '/' && is_file($file))) {
    $file = $root . '/index.php';
}
$_SERVER['SCRIPT_NAME'] = $_SERVER['PHP_SELF'] = substr($file, strlen($root));
$_SERVER['SCRIPT_FILENAME'] = $file;
chdir(dirname($file));
require $file;
