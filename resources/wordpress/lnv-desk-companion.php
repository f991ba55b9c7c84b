<?php
/**
 * Plugin Name: LNV Desk companion
 * Description: Lets LNV Desk find the post and the media item it created before, so a retried publish never makes a second one.
 * Version: 1.0
 *
 * Install as a must-use plugin (wp-content/mu-plugins/). It registers the desk's post and media
 * meta (readable only in the edit context, never by anonymous visitors) and one lookup route.
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
