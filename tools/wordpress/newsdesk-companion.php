<?php
/**
 * Plugin Name: Newsdesk companion
 * Description: Registers the post meta Newsdesk sends beside the content (kicker, subheadline, and
 *   the marker that lets a retried publish find its post), so that themes and other plugins can
 *   use them. Optional: without it WordPress ignores the meta and Newsdesk still works.
 * Version: 1.0
 * License: GPL-3.0-or-later
 */
add_action('init', function () {
    foreach (['newsdesk_kicker', 'newsdesk_subheadline', 'newsdesk_marker'] as $key) {
        register_post_meta('post', $key, [
            'type' => 'string',
            'single' => true,
            'show_in_rest' => true,
            'sanitize_callback' => 'sanitize_text_field',
            'auth_callback' => function () {
                return current_user_can('edit_posts');
            },
        ]);
    }
});
