<?php
// PHP's built-in server: existing files are served as they are; every other path goes to
// WordPress's front controller, as Apache's rewrite rules would send it (pretty permalinks, /wp-json/).
//
// A request body over NEWSDESK_MAX_BODY_BYTES is answered 413, as nginx's client_max_body_size or
// Apache's LimitRequestBody answer in front of a real site: PHP's own post_max_size does not apply
// to the raw uploads of the REST API.
$limit = (int) getenv('NEWSDESK_MAX_BODY_BYTES');
if ($limit > 0 && (int) ($_SERVER['CONTENT_LENGTH'] ?? 0) > $limit) {
    http_response_code(413);
    header('Content-Type: text/html');
    echo "<html><body><h1>413 Request Entity Too Large</h1></body></html>";
    return true;
}
$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
if ($path !== '/' && is_file($_SERVER['DOCUMENT_ROOT'] . $path)) {
    return false;
}
$_SERVER['SCRIPT_NAME'] = '/index.php';
require $_SERVER['DOCUMENT_ROOT'] . '/index.php';
