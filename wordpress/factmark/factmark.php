<?php
/**
 * Plugin Name:       factmark
 * Description:       Marks the numbers that several news reports on one post state differently (death tolls, durations, money, shares), in the reader's browser. A "Fact-check group" block and a [factmark] shortcode hold the reports.
 * Version:           @VERSION@
 * Requires at least: 5.8
 * Requires PHP:      7.4
 * Author:            factmark
 * License:           MIT OR Apache-2.0
 * Text Domain:       factmark
 *
 * Why the plugin does what it does (the README's WordPress section has the how):
 * - The widget's files (script, stylesheet, and pkg/: the worker that runs the
 *   core, the wasm-bindgen glue and the .wasm) ship
 *   inside this plugin under widget/<version>/, and the script loads the others
 *   from next to itself, so a new version is a new path: no browser or CDN can
 *   pair a new script with an old cached .wasm.
 * - They load only on posts that use the widget, as an ES module:
 *   wp_enqueue_script_module() on WordPress 6.5 and later, else a classic
 *   enqueue whose tag gets type="module".
 * - Authors and contributors have no unfiltered_html: WordPress's HTML filter
 *   (kses) strips <script>, <factmark-check> and <time datetime>. So the plugin
 *   never asks for a script in a post, lets kses keep the element and the
 *   report markup, and offers two ways that need no HTML at all: the block and
 *   the shortcode, both rendered on the server.
 * - The classic editor's wpautop wraps unknown elements in <p>; the shortcode is
 *   expanded before wpautop into block-level markup, and the widget treats an
 *   emptied <factmark-check> as a marker that checks the articles around it.
 */

defined( 'ABSPATH' ) || exit;

/** The version of the widget files, which is also the folder they are served from (set by the build). */
const FACTMARK_ASSETS = '@ASSETS@';

/** URL of a file of the widget, e.g. factmark_asset_url( 'factmark.min.js' ). */
function factmark_asset_url( $file ) {
	return plugins_url( 'widget/' . FACTMARK_ASSETS . '/' . $file, __FILE__ );
}

/** Whether a post's content uses the widget: the block, the shortcode or the element. */
function factmark_post_uses_widget( $post ) {
	$post = get_post( $post );
	if ( ! $post ) {
		return false;
	}
	$content = $post->post_content;
	return has_block( 'factmark/group', $post )
		|| has_shortcode( $content, 'factmark' )
		|| false !== stripos( $content, '<factmark-check' );
}

/**
 * Puts the widget on the page: its stylesheet (in the head when called in
 * time, so <factmark-check> is a block from the first paint) and its script as
 * an ES module. Safe to call more than once.
 */
function factmark_enqueue() {
	static $done = false;
	if ( $done ) {
		return;
	}
	$done = true;
	// No ?ver=: the version is in the path, and the widget finds its stylesheet by URL.
	wp_enqueue_style( 'factmark', factmark_asset_url( 'factmark.css' ), array(), null );
	if ( function_exists( 'wp_enqueue_script_module' ) ) {
		wp_enqueue_script_module( 'factmark', factmark_asset_url( 'factmark.min.js' ), array(), null );
	} else {
		wp_enqueue_script( 'factmark', factmark_asset_url( 'factmark.min.js' ), array(), null, true );
	}
}

/** Before WordPress 6.5: the classic enqueue's tag becomes a module script. */
function factmark_module_tag( $tag, $handle ) {
	if ( 'factmark' !== $handle || false !== strpos( $tag, 'type="module"' ) ) {
		return $tag;
	}
	$tag = preg_replace( '/\stype=([\'"])text\/javascript\1/', '', $tag );
	return str_replace( '<script ', '<script type="module" ', $tag );
}
add_filter( 'script_loader_tag', 'factmark_module_tag', 10, 2 );

add_action(
	'wp_enqueue_scripts',
	function () {
		if ( is_singular() && factmark_post_uses_widget( get_queried_object() ) ) {
			factmark_enqueue();
		}
	}
);

/**
 * Editors who are logged in see a notice when the widget cannot check a post
 * (and why); readers see the reports unmarked. The widget reads this tag.
 */
add_action(
	'wp_head',
	function () {
		if ( ! is_singular() || ! factmark_post_uses_widget( get_queried_object() ) ) {
			return;
		}
		$mode = current_user_can( 'edit_post', get_queried_object_id() ) ? 'on' : 'off';
		echo '<meta name="factmark-notices" content="' . esc_attr( $mode ) . '">' . "\n";
	}
);

/** kses: what the widget's markup needs survives for every role. */
function factmark_kses_allowed_html( $tags, $context ) {
	if ( 'post' !== $context ) {
		return $tags;
	}
	$tags['factmark-check'] = array(
		'reports' => true,
		'notices' => true,
		'class'   => true,
		'id'      => true,
	);
	$tags['article']  = array_merge( isset( $tags['article'] ) ? $tags['article'] : array(), array( 'data-name' => true, 'data-date' => true, 'data-outlet' => true, 'data-factmark-skip' => true, 'class' => true, 'id' => true ) );
	$tags['time']     = array_merge( isset( $tags['time'] ) ? $tags['time'] : array(), array( 'datetime' => true ) );
	return $tags;
}
add_filter( 'wp_kses_allowed_html', 'factmark_kses_allowed_html', 10, 2 );

/** The classic editor's TinyMCE keeps the element too. */
add_filter(
	'tiny_mce_before_init',
	function ( $init ) {
		$extra = 'factmark-check[reports|notices|class|id],time[datetime]';
		$init['extended_valid_elements'] = empty( $init['extended_valid_elements'] ) ? $extra : $init['extended_valid_elements'] . ',' . $extra;
		$init['custom_elements']         = empty( $init['custom_elements'] ) ? '~factmark-check' : $init['custom_elements'] . ',~factmark-check';
		return $init;
	}
);

/**
 * One report: an <article> named and dated for the widget, from its fields.
 * A report that is the post's own ($from_post) takes what its fields leave
 * empty from the post's metadata: the name from the custom field
 * factmark_name, else the site's name; the date from the post's date. Other
 * reports with no date stay undated (the widget then compares them only
 * through the places and dates their sentences name).
 */
function factmark_report_html( $name, $date, $content_html, $from_post = false ) {
	$post = get_post();
	if ( $from_post && $post ) {
		if ( '' === trim( (string) $name ) ) {
			$name = (string) get_post_meta( $post->ID, 'factmark_name', true );
			$name = '' !== $name ? $name : get_bloginfo( 'name' );
		}
		if ( '' === trim( (string) $date ) ) {
			$date = get_the_date( 'Y-m-d', $post );
		}
	}
	$attributes = '' !== trim( (string) $name ) ? sprintf( ' data-name="%s"', esc_attr( $name ) ) : '';
	$attributes .= '' !== trim( (string) $date ) ? sprintf( ' data-date="%s"', esc_attr( $date ) ) : '';
	return '<article class="factmark-report"' . $attributes . ">\n" . $content_html . "\n</article>";
}

/**
 * [factmark]…[/factmark] around [factmark-report name="…" date="…"]…[/factmark-report]
 * (or around <article> elements). Block-level markup, so that wpautop leaves it
 * whole; the element stands last as a marker that checks the articles of its
 * group. [factmark] alone is a marker for the articles around it.
 */
function factmark_shortcode( $atts, $content = '' ) {
	factmark_enqueue();
	$content = trim( (string) $content );
	if ( '' === $content ) {
		return '<factmark-check></factmark-check>';
	}
	$inner = do_shortcode( $content );
	return "<div class=\"factmark-group\" data-factmark-scope>\n" . $inner . "\n<factmark-check></factmark-check>\n</div>";
}

function factmark_report_shortcode( $atts, $content = '' ) {
	$atts = shortcode_atts( array( 'name' => '', 'date' => '', 'from' => '' ), $atts, 'factmark-report' );
	// A report pasted as plain text has one paragraph a line; wpautop would make
	// single line breaks <br>, which read as one run-on paragraph.
	$text = preg_replace( '/[ \t]*\r?\n\s*/', "\n\n", trim( (string) $content ) );
	return factmark_report_html( $atts['name'], $atts['date'], wpautop( $text ), 'post' === $atts['from'] );
}

/**
 * The shortcodes run before wpautop (priority 8, as WordPress's own [embed]
 * does): wpautop would otherwise break the report's paragraphs across the
 * shortcode's tags. Then they are removed, so nothing is expanded twice.
 */
function factmark_run_shortcodes_early( $content ) {
	if ( false === strpos( $content, '[factmark' ) ) {
		return $content;
	}
	global $shortcode_tags;
	$saved          = $shortcode_tags;
	$shortcode_tags = array(
		'factmark'        => 'factmark_shortcode',
		'factmark-report' => 'factmark_report_shortcode',
	);
	$content        = do_shortcode( $content );
	$shortcode_tags = $saved;
	return $content;
}
add_filter( 'the_content', 'factmark_run_shortcodes_early', 8 );

add_action(
	'init',
	function () {
		// Registered for has_shortcode() and for excerpts; the_content expands them early.
		add_shortcode( 'factmark', 'factmark_shortcode' );
		add_shortcode( 'factmark-report', 'factmark_report_shortcode' );

		wp_register_script(
			'factmark-blocks',
			plugins_url( 'blocks/editor.js', __FILE__ ),
			array( 'wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components', 'wp-i18n' ),
			FACTMARK_ASSETS,
			true
		);
		wp_register_style( 'factmark-blocks', plugins_url( 'blocks/editor.css', __FILE__ ), array(), FACTMARK_ASSETS );
		register_block_type(
			'factmark/group',
			array(
				'api_version'     => 2,
				'editor_script'   => 'factmark-blocks',
				'editor_style'    => 'factmark-blocks',
				'render_callback' => function ( $attributes, $content ) {
					factmark_enqueue();
					return '<factmark-check class="wp-block-factmark-group">' . $content . '</factmark-check>';
				},
			)
		);
		register_block_type(
			'factmark/report',
			array(
				'api_version'     => 2,
				'editor_script'   => 'factmark-blocks',
				'parent'          => array( 'factmark/group' ),
				'attributes'      => array(
					'name'     => array( 'type' => 'string', 'default' => '' ),
					'date'     => array( 'type' => 'string', 'default' => '' ),
					'fromPost' => array( 'type' => 'boolean', 'default' => false ),
				),
				'render_callback' => function ( $attributes, $content ) {
					return factmark_report_html( $attributes['name'], $attributes['date'], $content, ! empty( $attributes['fromPost'] ) );
				},
			)
		);
	}
);
