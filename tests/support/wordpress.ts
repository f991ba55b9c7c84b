import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './run-cli.js';

/**
 * A real WordPress (Debian's package) on 127.0.0.1 for sync tests: its own MariaDB in a temp
 * folder, PHP's built-in server with a router so pretty /wp-json/ URLs work, an administrator, an
 * author and a contributor, each with an application password, and the LNV Desk companion plugin
 * (resources/wordpress) as a must-use plugin. Needs the Debian packages
 * wordpress, mariadb-server, php-cli and php-mysql (.ci/run installs them).
 */

const WORDPRESS_DIR = '/usr/share/wordpress';

export interface WordPressUser {
  username: string;
  appPassword: string;
}

export interface WordPressSite {
  url: string;
  admin: WordPressUser;
  author: WordPressUser;
  contributor: WordPressUser;
  /** Must-use plugins of this site: a test may add one to hold WordPress at a chosen moment. */
  muPluginsDir: string;
  /** Takes the web server down (the site "goes offline") and brings it back on the same address. */
  goOffline(): Promise<void>;
  comeBack(): Promise<void>;
  stop(): Promise<void>;
}

export function wordpressAvailable(): boolean {
  return existsSync(join(WORDPRESS_DIR, 'wp-settings.php')) && spawnSync('which', ['mariadbd', 'php']).status === 0;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`WordPress test site: ${what} did not come up within ${timeoutMs} ms`);
}

function run(command: string, args: string[], input?: string): string {
  const result = spawnSync(command, args, { input, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr || result.stdout}`);
  return result.stdout;
}

function stopProcess(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5000).unref();
  });
}

export async function startWordPress(options: { prettyPermalinks?: boolean } = {}): Promise<WordPressSite> {
  const dir = mkdtempSync(join(tmpdir(), 'lnv-wp-'));
  const name = `lnvtest${process.pid}x${Date.now().toString(36)}`;
  const configFile = `/etc/wordpress/config-${name}.php`;
  const uploads = `wp-content/uploads-${name}`;
  const socket = join(dir, 'mysql.sock');
  const children: ChildProcess[] = [];

  const cleanup = async () => {
    for (const child of children.reverse()) await stopProcess(child);
    rmSync(configFile, { force: true });
    rmSync(join(WORDPRESS_DIR, uploads), { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    run('mariadb-install-db', ['--no-defaults', `--datadir=${join(dir, 'db')}`, '--user=root', '--auth-root-authentication-method=normal']);
    const mariadb = spawn(
      'mariadbd',
      ['--no-defaults', `--datadir=${join(dir, 'db')}`, `--socket=${socket}`, '--skip-networking', '--user=root', `--pid-file=${join(dir, 'db.pid')}`],
      { stdio: 'ignore' },
    );
    children.push(mariadb);
    await waitFor(() => existsSync(socket), 'MariaDB');
    await waitFor(() => spawnSync('mariadb', [`--socket=${socket}`, '-uroot', '-e', 'SELECT 1']).status === 0, 'MariaDB accepting connections');
    run('mariadb', [`--socket=${socket}`, '-uroot'], "CREATE DATABASE wordpress; CREATE USER 'wp'@'localhost' IDENTIFIED BY 'wp'; GRANT ALL ON wordpress.* TO 'wp'@'localhost';");

    mkdirSync(join(dir, 'mu-plugins'));
    copyFileSync(join(repoRoot, 'resources', 'wordpress', 'lnv-desk-companion.php'), join(dir, 'mu-plugins', 'lnv-desk-companion.php'));
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    writeFileSync(
      configFile,
      `<?php
define('DB_NAME', 'wordpress');
define('DB_USER', 'wp');
define('DB_PASSWORD', 'wp');
define('DB_HOST', 'localhost:${socket}');
define('WP_ENVIRONMENT_TYPE', 'local');
define('WP_HOME', '${url}');
define('WP_SITEURL', '${url}');
define('WP_CONTENT_DIR', '${WORDPRESS_DIR}/wp-content');
define('WP_CONTENT_URL', '${url}/wp-content');
define('UPLOADS', '${uploads}');
define('DISABLE_WP_CRON', true);
define('WPMU_PLUGIN_DIR', '${join(dir, 'mu-plugins')}');
$table_prefix = 'wp_';
`,
    );

    // The router hands every request to WordPress with this site's config, as Apache's SetEnv would.
    const router = join(dir, 'router.php');
    writeFileSync(
      router,
      `<?php
$_SERVER['WORDPRESS_CONFIG'] = '${name}';
$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
$file = '${WORDPRESS_DIR}' . $path;
if ($path !== '/' && is_file($file)) {
  if (substr($file, -4) !== '.php') return false;
  chdir(dirname($file));
  require $file;
  return true;
}
chdir('${WORDPRESS_DIR}');
require '${WORDPRESS_DIR}/index.php';
`,
    );

    const install = join(dir, 'install.php');
    writeFileSync(
      install,
      `<?php
$_SERVER['HTTP_HOST'] = '127.0.0.1:${port}';
$_SERVER['WORDPRESS_CONFIG'] = '${name}';
$_SERVER['REQUEST_URI'] = '/';
define('WP_INSTALLING', true);
require '${WORDPRESS_DIR}/wp-load.php';
require ABSPATH . 'wp-admin/includes/upgrade.php';
wp_install('Làng nghề Việt (thử nghiệm)', 'admin', 'admin@example.invalid', false, '', 'admin-password-123');
${options.prettyPermalinks ? "update_option('permalink_structure', '/%postname%/');" : ''}
// An empty site: no "Hello world!" post or sample page, so tests count only what the desk made.
foreach (get_posts(array('post_type' => array('post', 'page'), 'post_status' => 'any', 'numberposts' => -1)) as $post) wp_delete_post($post->ID, true);
$out = array('admin' => WP_Application_Passwords::create_new_application_password(1, array('name' => 'LNV Desk'))[0]);
foreach (array('author', 'contributor') as $role) {
  $id = wp_insert_user(array('user_login' => $role . 'user', 'user_pass' => $role . '-password-123', 'user_email' => $role . '@example.invalid', 'role' => $role, 'display_name' => $role === 'author' ? 'Phóng viên Hoàng Lan' : 'Cộng tác viên'));
  $out[$role] = WP_Application_Passwords::create_new_application_password($id, array('name' => 'LNV Desk'))[0];
}
echo "\\n" . json_encode($out) . "\\n";
`,
    );
    const installed = run('php', [install]);
    const passwords = JSON.parse(installed.trim().split('\n').pop() ?? '{}') as Record<'admin' | 'author' | 'contributor', string>;

    let php: ChildProcess | null = null;
    const serveWeb = async () => {
      php = spawn('php', ['-S', `127.0.0.1:${port}`, '-t', WORDPRESS_DIR, router], { stdio: 'ignore' });
      children.push(php);
      await waitFor(async () => {
        try {
          return (await fetch(`${url}/?rest_route=/`)).ok;
        } catch {
          return false;
        }
      }, 'PHP server');
    };
    await serveWeb();

    return {
      url,
      admin: { username: 'admin', appPassword: passwords.admin },
      author: { username: 'authoruser', appPassword: passwords.author },
      contributor: { username: 'contributoruser', appPassword: passwords.contributor },
      muPluginsDir: join(dir, 'mu-plugins'),
      goOffline: async () => {
        if (php) await stopProcess(php);
        php = null;
      },
      comeBack: serveWeb,
      stop: cleanup,
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
