<?php
/**
 * Plugin Name: LNV Desk companion
 * Description: Lets LNV Desk find the post and the media item it created before, so a retried publish never makes a second one.
 * Version: 1.0
 *
 * Install as a must-use plugin (wp-content/mu-plugins/). It registers the desk's post and media
 * meta (readable only in the edit context, never by anonymous visitors) and one lookup route.
 * It also lets the desk write the post's SEO description: `lnv_seo_description` for themes, and
 * Yoast SEO's own `_yoast_wpseo_metadesc`, which WordPress would otherwise drop as unregistered.
 */

add_action('init', function () {
	$edit_only = array(
		'type' => 'string',
		'single' => true,
		'show_in_rest' => array('schema' => array('type' => 'string', 'context' => array('edit'))),
		'auth_callback' => function () {
			return current_user_can('edit_posts');
		},
	);
	register_post_meta('post', 'lnv_desk_uid', $edit_only);
	register_post_meta('post', 'lnv_desk_revision', $edit_only);
	$upload_only = $edit_only;
	$upload_only['auth_callback'] = function () {
		return current_user_can('upload_files');
	};
	register_post_meta('attachment', 'lnv_desk_hash', $upload_only);
	// The description is printed in every page's <head> anyway, so visitors may read it over REST too.
	$seo = $edit_only;
	$seo['show_in_rest'] = array('schema' => array('type' => 'string', 'context' => array('view', 'edit')));
	register_post_meta('post', 'lnv_seo_description', $seo);
	register_post_meta('post', '_yoast_wpseo_metadesc', $seo);
});

add_action('rest_api_init', function () {
	register_rest_route('lnv-desk/v1', '/find', array(
		'methods' => 'GET',
		'permission_callback' => function () {
			return current_user_can('edit_posts');
		},
		'args' => array(
			'uid' => array('type' => 'string', 'required' => false),
			'hash' => array('type' => 'string', 'required' => false),
		),
		'callback' => function (WP_REST_Request $request) {
			$uid = $request->get_param('uid');
			$hash = $request->get_param('hash');
			if ($uid) {
				$key = 'lnv_desk_uid';
				$value = $uid;
				$type = 'post';
			} elseif ($hash) {
				$key = 'lnv_desk_hash';
				$value = $hash;
				$type = 'attachment';
			} else {
				return new WP_Error('lnv_desk_missing', 'uid or hash is required', array('status' => 400));
			}
			$ids = get_posts(array(
				'post_type' => $type,
				'post_status' => 'any',
				'meta_key' => $key,
				'meta_value' => $value,
				'fields' => 'ids',
				'numberposts' => 5,
				'orderby' => 'ID',
				'order' => 'ASC',
			));
			return array_map('intval', $ids);
		},
	));
});

/*
 * Which desk write a post holds. A write whose answer was lost in the network looks, on retry,
 * like a colleague's edit (modified_gmt moved on), and the desk would refuse it as a conflict. The
 * desk names each write by a hash of what it sends (header X-LNV-Desk-Write); the post remembers
 * it with the modification time it produced, and reports it only while nobody has changed the post
 * since, so "this is exactly our write, untouched" can never hide an edit made on the web.
 */
add_action('rest_after_insert_post', function ($post, $request) {
	$key = $request->get_header('x_lnv_desk_write');
	if ($key && preg_match('/^[a-f0-9]{64}$/', $key)) {
		update_post_meta($post->ID, '_lnv_desk_write', $key . ' ' . $post->post_modified_gmt);
	}
}, 10, 2);

add_action('rest_api_init', function () {
	register_rest_field('post', 'lnv_desk_write', array(
		'get_callback' => function ($data) {
			$post = isset($data['id']) ? get_post($data['id']) : null;
			$write = $post ? explode(' ', (string) get_post_meta($post->ID, '_lnv_desk_write', true), 2) : array();
			return count($write) === 2 && $write[1] === $post->post_modified_gmt ? $write[0] : null;
		},
		'schema' => array(
			'description' => 'The LNV Desk write this post holds unchanged, if any.',
			'type' => array('string', 'null'),
			'context' => array('edit'),
			'readonly' => true,
		),
	));
});

/*
 * A desk write lands whole or not at all. WordPress writes a post's row, then its terms and meta,
 * in separate queries; a server that dies in between leaves a post without the uid (or a picture
 * without the hash) the desk looks for, and the retry would make a second one. Inside one
 * transaction the database drops the half-made row when the connection goes (InnoDB, WordPress's
 * default engine). Only the desk's own creates and updates are wrapped.
 */
$lnv_desk_in_transaction = false;

add_filter('rest_pre_dispatch', function ($result, $server, $request) use (&$lnv_desk_in_transaction) {
	global $wpdb;
	$meta = $request->get_method() === 'POST' ? $request->get_param('meta') : null;
	if ($result === null && is_array($meta) && (isset($meta['lnv_desk_uid']) || isset($meta['lnv_desk_hash']))) {
		$lnv_desk_in_transaction = $wpdb->query('START TRANSACTION') !== false;
	}
	return $result;
}, 10, 3);

add_filter('rest_post_dispatch', function ($response, $server, $request) use (&$lnv_desk_in_transaction) {
	global $wpdb;
	if ($lnv_desk_in_transaction) {
		$wpdb->query($response->is_error() ? 'ROLLBACK' : 'COMMIT');
		$lnv_desk_in_transaction = false;
	}
	return $response;
}, 10, 3);
