<?php
/*
 * Run by start.sh with the PHP command line, twice:
 *   php install.php install URL   wp_install(), then one user per role (password "factmark")
 *   php install.php plugin ZIP    the plugin from its zip through Plugin_Upgrader (what
 *                                 Plugins > Add New > Upload does), then activated
 * WORDPRESS_CONFIG names Debian's /etc/wordpress/config-*.php.
 */
$mode = $argv[1];
$_SERVER['WORDPRESS_CONFIG'] = getenv( 'WORDPRESS_CONFIG' );
$_SERVER['HTTP_HOST']        = '127.0.0.1';
$_SERVER['REQUEST_URI']      = '/';
$_SERVER['SERVER_NAME']      = '127.0.0.1';
$_SERVER['REQUEST_METHOD']   = 'GET';

if ( 'install' === $mode ) {
	define( 'WP_INSTALLING', true );
	require '/usr/share/wordpress/wp-load.php';
	// No mail server here: skip the "your new site" mail.
	function wp_new_blog_notification() {}
	require_once ABSPATH . 'wp-admin/includes/upgrade.php';
	$installed = wp_install( 'Newsroom', 'admin', 'admin@example.test', true, '', 'factmark' );
	if ( is_wp_error( $installed ) || empty( $installed['user_id'] ) ) {
		fwrite( STDERR, "wp_install failed\n" );
		exit( 1 );
	}
	foreach ( array( 'editor', 'author', 'contributor' ) as $role ) {
		$id = wp_insert_user(
			array(
				'user_login'   => $role,
				'user_pass'    => 'factmark',
				'user_email'   => "$role@example.test",
				'display_name' => ucfirst( $role ),
				'role'         => $role,
			)
		);
		if ( is_wp_error( $id ) ) {
			fwrite( STDERR, $id->get_error_message() . "\n" );
			exit( 1 );
		}
	}
	echo "installed\n";
	exit( 0 );
}

require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/admin.php';
require_once ABSPATH . 'wp-admin/includes/class-wp-upgrader.php';
wp_set_current_user( 1 );
$upgrader = new Plugin_Upgrader( new Automatic_Upgrader_Skin() );
$result   = $upgrader->install( $argv[2] );
if ( true !== $result ) {
	fwrite( STDERR, 'plugin install failed: ' . ( is_wp_error( $result ) ? $result->get_error_message() : var_export( $upgrader->skin->get_upgrade_messages(), true ) ) . "\n" );
	exit( 1 );
}
$activated = activate_plugin( 'factmark/factmark.php' );
if ( is_wp_error( $activated ) ) {
	fwrite( STDERR, 'activation failed: ' . $activated->get_error_message() . "\n" );
	exit( 1 );
}
echo "plugin installed and active\n";
