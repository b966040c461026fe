<?php
// PHP's built-in server: existing files are served as they are; every other path goes to
// WordPress's front controller, as Apache's rewrite rules would send it (pretty permalinks, /wp-json/).
$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
if ($path !== '/' && is_file($_SERVER['DOCUMENT_ROOT'] . $path)) {
    return false;
}
$_SERVER['SCRIPT_NAME'] = '/index.php';
require $_SERVER['DOCUMENT_ROOT'] . '/index.php';
