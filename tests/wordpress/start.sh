#!/usr/bin/env bash
# A real WordPress for the browser tests: Debian's wordpress, MariaDB and Apache
# (mod_php), all on 127.0.0.1, all state in one temporary folder. Installs
# WordPress with wp_install(), the plugin from the zip scripts/build-wordpress.sh
# made (through WordPress's own Plugin_Upgrader, as Plugins > Add New > Upload
# does), activates it, and adds one user per role (password "factmark").
#   tests/wordpress/start.sh        prints the folder on its first line, the site's URL on its second
#   tests/wordpress/stop.sh DIR     stops the servers and removes the folder
# Needs: apt packages wordpress, wordpress-theme-twentytwentyone,
# wordpress-theme-twentytwentythree, mariadb-server, apache2,
# libapache2-mod-php, php-mysql (scripts/setup.sh installs them).
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
zip=$(ls "$repo"/dist/factmark-wordpress-*.zip 2>/dev/null | head -n1)
[ -n "$zip" ] || { echo "no plugin zip in dist/: run scripts/build-wordpress.sh" >&2; exit 1; }

dir=$(mktemp -d /tmp/factmark-wp.XXXXXX)
chmod 755 "$dir"
mkdir -p "$dir/db" "$dir/run" "$dir/logs" "$dir/wp-content/plugins" "$dir/wp-content/themes" "$dir/wp-content/uploads" "$dir/wp-content/mu-plugins"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
url="http://127.0.0.1:$port"
name="factmark-$port"
echo "$port" >"$dir/port"
fail() { echo "wordpress: $*" >&2; for log in "$dir"/logs/*; do echo "--- $log" >&2; tail -n 20 "$log" >&2; done; exit 1; }

# MariaDB: its own data folder and a socket, no TCP.
sock="$dir/run/db.sock"
mariadb-install-db --no-defaults --datadir="$dir/db" --user=root --auth-root-authentication-method=normal \
  --skip-test-db >"$dir/logs/db-install.log" 2>&1 || fail "mariadb-install-db failed"
mariadbd --no-defaults --datadir="$dir/db" --socket="$sock" --skip-networking --user=root \
  --pid-file="$dir/run/db.pid" --log-error="$dir/logs/db.log" --innodb-buffer-pool-size=64M >/dev/null 2>&1 &
for _ in $(seq 100); do [ -S "$sock" ] && break; sleep 0.1; done
[ -S "$sock" ] || fail "MariaDB did not start"
mariadb --no-defaults -S "$sock" -uroot -e "CREATE DATABASE wordpress;
  CREATE USER 'wordpress'@'localhost' IDENTIFIED BY 'wordpress';
  GRANT ALL ON wordpress.* TO 'wordpress'@'localhost';"

# wp-content of its own: Debian's themes linked in, the plugin installed by WordPress below.
for theme in twentytwentyone twentytwentythree; do
  ln -s "/usr/share/wordpress/wp-content/themes/$theme" "$dir/wp-content/themes/$theme"
done
cp "$repo/tests/wordpress/test-site.php" "$dir/wp-content/mu-plugins/"
chown -R www-data:www-data "$dir/wp-content"

# Debian's wp-config.php reads /etc/wordpress/config-<WORDPRESS_CONFIG>.php.
config="/etc/wordpress/config-$name.php"
salt() { head -c 32 /dev/urandom | base64 | tr -d '\n/+='; }
cat >"$config" <<PHP
<?php
define('DB_NAME', 'wordpress');
define('DB_USER', 'wordpress');
define('DB_PASSWORD', 'wordpress');
define('DB_HOST', 'localhost:$sock');
define('WP_HOME', '$url');
define('WP_SITEURL', '$url');
define('WP_CONTENT_DIR', '$dir/wp-content');
define('WP_CONTENT_URL', '$url/wp-content');
define('FS_METHOD', 'direct');
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('AUTH_KEY', '$(salt)'); define('SECURE_AUTH_KEY', '$(salt)'); define('LOGGED_IN_KEY', '$(salt)');
define('NONCE_KEY', '$(salt)'); define('AUTH_SALT', '$(salt)'); define('SECURE_AUTH_SALT', '$(salt)');
define('LOGGED_IN_SALT', '$(salt)'); define('NONCE_SALT', '$(salt)');
PHP
chmod 644 "$config"
echo "$config" >"$dir/config"

cat >"$dir/apache.conf" <<CONF
ServerName 127.0.0.1
Listen 127.0.0.1:$port
PidFile $dir/run/apache.pid
DefaultRuntimeDir $dir/run
Mutex file:$dir/run
ErrorLog $dir/logs/apache-error.log
LogFormat "%h %t \"%r\" %>s %b" common
CustomLog $dir/logs/apache-access.log common
User www-data
Group www-data
LoadModule mpm_prefork_module /usr/lib/apache2/modules/mod_mpm_prefork.so
LoadModule authz_core_module /usr/lib/apache2/modules/mod_authz_core.so
LoadModule mime_module /usr/lib/apache2/modules/mod_mime.so
LoadModule dir_module /usr/lib/apache2/modules/mod_dir.so
LoadModule alias_module /usr/lib/apache2/modules/mod_alias.so
LoadModule env_module /usr/lib/apache2/modules/mod_env.so
LoadModule headers_module /usr/lib/apache2/modules/mod_headers.so
LoadModule php_module $(compgen -G '/usr/lib/apache2/modules/libphp*.so' | head -n1)
StartServers 2
MinSpareServers 2
MaxSpareServers 6
# The browser tests keep several logged-in contexts, each with its own
# keep-alive connections: 12 workers were all taken at times.
MaxRequestWorkers 32
KeepAliveTimeout 2
TypesConfig /etc/mime.types
DocumentRoot /usr/share/wordpress
DirectoryIndex index.php index.html
SetEnv WORDPRESS_CONFIG $name
Alias /wp-content $dir/wp-content
<Directory />
  Require all denied
</Directory>
<Directory /usr/share/wordpress>
  Options FollowSymLinks
  Require all granted
</Directory>
<Directory $dir/wp-content>
  Options FollowSymLinks
  Require all granted
</Directory>
<Directory /usr/share/wordpress/wp-content>
  Require all granted
</Directory>
<FilesMatch "\.php$">
  SetHandler application/x-httpd-php
</FilesMatch>
# A site whose web server sends a Content-Security-Policy without
# 'wasm-unsafe-eval' with every response, the widget's worker script too (for
# a browser with the cookie factmark_csp=strict; tests/browser/wordpress.test.mjs).
<If "%{HTTP_COOKIE} =~ /factmark_csp=strict/">
  Header always set Content-Security-Policy "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:"
</If>
CONF
apache2 -f "$dir/apache.conf" -k start || fail "Apache did not start"

# WordPress itself, from PHP: the install, the plugin, the users.
for step in "install $url" "plugin $zip"; do
  # shellcheck disable=SC2086
  WORDPRESS_CONFIG=$name php "$repo/tests/wordpress/install.php" $step >>"$dir/logs/install.log" 2>&1 ||
    fail "installing WordPress or the plugin failed ($step)"
done
chown -R www-data:www-data "$dir/wp-content"
python3 - "$url/" <<'PY' || fail "WordPress does not answer at $url/"
import sys, time, urllib.request
for _ in range(50):
    try:
        urllib.request.urlopen(sys.argv[1], timeout=5)
        sys.exit(0)
    except Exception:
        time.sleep(0.2)
sys.exit(1)
PY
echo "$dir"
echo "$url/"
