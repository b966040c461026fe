<?php
// Installs the local test site through WordPress's own PHP API (wp-cli is not packaged in Debian)
// and makes sure it has what the publish tests need: pretty permalinks (for /wp-json/), a block
// theme, an admin and a subscriber (for "missing rights"), each with an Application Password.
// Idempotent: an installed site is only checked; passwords are created again only when the
// credentials file is missing. Usage: php install.php SITE_DIR URL CREDENTIALS_JSON
[$script, $site, $url, $credentials_file] = $argv;
define('WP_INSTALLING', true);
// The test site sends no mail (Debian's php has no sendmail here): wp_mail is pluggable.
function wp_mail(...$args) { return true; }
$_SERVER['HTTP_HOST'] = parse_url($url, PHP_URL_HOST) . ':' . parse_url($url, PHP_URL_PORT);
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
require $site . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/user.php';

if (!is_blog_installed()) {
    wp_install('Newsdesk Test Site', 'newsdesk', 'newsdesk@example.org', false, '',
        wp_generate_password(24));
}
update_option('permalink_structure', '/%postname%/');
update_option('timezone_string', 'Europe/Berlin');
update_option('uploads_use_yearmonth_folders', 0);
// WordPress's default big-image threshold would keep a scaled copy; the tests compare sizes.
switch_theme('twentytwentythree');
flush_rewrite_rules(false);

function newsdesk_user(string $login, string $role): WP_User {
    $user = get_user_by('login', $login);
    if (!$user) {
        $id = wp_insert_user([
            'user_login' => $login, 'user_pass' => wp_generate_password(24),
            'user_email' => $login . '@example.org', 'role' => $role,
            'display_name' => $login === 'newsdesk' ? 'Jörg Müller-Weiß' : $login,
        ]);
        if (is_wp_error($id)) {
            fwrite(STDERR, $id->get_error_message() . "\n");
            exit(1);
        }
        $user = get_user_by('id', $id);
    }
    return $user;
}

$admin = newsdesk_user('newsdesk', 'administrator');
$subscriber = newsdesk_user('leserin', 'subscriber');

$existing = is_file($credentials_file) ? json_decode(file_get_contents($credentials_file), true) : null;
$valid = is_array($existing) && ($existing['url'] ?? '') === $url;
if ($valid) {
    foreach ([[$admin, 'password'], [$subscriber, 'subscriber_password']] as [$user, $key]) {
        $found = false;
        foreach (WP_Application_Passwords::get_user_application_passwords($user->ID) as $item) {
            $found = $found || wp_check_password(
                preg_replace('/[^a-z\d]/i', '', $existing[$key] ?? ''), $item['password'], $user->ID);
        }
        $valid = $valid && $found;
    }
}
if (!$valid) {
    $passwords = [];
    foreach ([$admin, $subscriber] as $user) {
        WP_Application_Passwords::delete_all_application_passwords($user->ID);
        $created = WP_Application_Passwords::create_new_application_password(
            $user->ID, ['name' => 'Newsdesk tests']);
        if (is_wp_error($created)) {
            fwrite(STDERR, $created->get_error_message() . "\n");
            exit(1);
        }
        $passwords[] = $created[0];
    }
    file_put_contents($credentials_file, json_encode([
        'url' => $url,
        'user' => 'newsdesk',
        'password' => $passwords[0],
        'subscriber' => 'leserin',
        'subscriber_password' => $passwords[1],
    ], JSON_PRETTY_PRINT) . "\n");
    chmod($credentials_file, 0600);
}
