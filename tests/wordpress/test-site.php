<?php
/*
 * Plugin Name: factmark test site
 * Description: What the browser tests need of the site around the plugin (a must-use plugin of the test WordPress only).
 *
 * - The classic editor, as the Classic Editor plugin gives it: post-new.php?classic
 *   opens it, and a post written in it (no blocks) keeps opening in it.
 * - ?csp=strict on a front-end page sends a Content-Security-Policy without
 *   'wasm-unsafe-eval' with the page only, as a security plugin does: it does
 *   not reach the widget's worker, which runs the core. (A policy the web
 *   server sends with every file is tests/wordpress/start.sh's cookie.)
 * - The theme switches per request with ?theme=NAME, so both themes are tested
 *   on the same posts without a round trip through the admin.
 */
add_filter(
	'use_block_editor_for_post',
	function ( $use, $post ) {
		if ( isset( $_GET['classic'] ) ) {
			return false;
		}
		return ( $post && '' !== $post->post_content && ! has_blocks( $post ) ) ? false : $use;
	},
	10,
	2
);

add_action(
	'send_headers',
	function () {
		if ( isset( $_GET['csp'] ) ) {
			header( "Content-Security-Policy: default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:" );
		}
	}
);

foreach ( array( 'stylesheet', 'template' ) as $option ) {
	add_filter(
		"pre_option_$option",
		function ( $value ) {
			$theme = isset( $_GET['theme'] ) ? sanitize_key( $_GET['theme'] ) : '';
			return in_array( $theme, array( 'twentytwentyone', 'twentytwentythree' ), true ) ? $theme : $value;
		}
	);
}
