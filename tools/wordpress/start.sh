#!/usr/bin/env bash
# A real WordPress on 127.0.0.1 for the publish tests (issue 19), from Debian's packages only:
# MariaDB on a private socket under build/wordpress/, PHP's built-in web server, the site installed
# by install.php through WordPress's own PHP API (wp-cli is not packaged). Idempotent: a running
# instance is left as it is; a stopped one is started again on its existing data.
#
#   tools/wordpress/start.sh          (make wordpress)
#   tools/wordpress/stop.sh           (make wordpress-stop)
#
# The site's URL, the admin user and its Application Password are written to
# build/wordpress/site.json for the tests. WORDPRESS_PORT (default 8719) picks the port.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
STATE="$ROOT/build/wordpress"
PORT="${WORDPRESS_PORT:-8719}"
URL="http://127.0.0.1:$PORT"
SOCKET="$STATE/mysql.sock"
# The upload limit is deliberately small (4 MiB), so that the tests can send a photo the server
# refuses: router.php answers 413 above it, as a web server in front of WordPress would.
UPLOAD_LIMIT_BYTES="${WORDPRESS_UPLOAD_LIMIT_BYTES:-4194304}"

need_packages=()
command -v php >/dev/null || need_packages+=(php-cli)
command -v curl >/dev/null || need_packages+=(curl)
php -m 2>/dev/null | grep -x mysqli >/dev/null || need_packages+=(php-mysql)
[ -x /usr/sbin/mariadbd ] || need_packages+=(mariadb-server)
[ -f /usr/share/wordpress/wp-settings.php ] || need_packages+=(wordpress)
[ -d /usr/share/wordpress/wp-content/themes/twentytwentythree ] \
    || need_packages+=(wordpress-theme-twentytwentythree)
if [ ${#need_packages[@]} -gt 0 ]; then
    echo "wordpress: installing ${need_packages[*]}"
    apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
        "${need_packages[@]}" >/dev/null
fi

mkdir -p "$STATE"
alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

# --- MariaDB on a private socket, no TCP port ------------------------------------------------
if ! alive "$STATE/mariadb.pid"; then
    if [ ! -d "$STATE/db/mysql" ]; then
        rm -rf "$STATE/db"
        mariadb-install-db --no-defaults --datadir="$STATE/db" --user=root \
            --auth-root-authentication-method=socket --skip-test-db >"$STATE/mariadb-install.log" 2>&1
    fi
    /usr/sbin/mariadbd --no-defaults --datadir="$STATE/db" --socket="$SOCKET" \
        --pid-file="$STATE/mariadb.pid" --skip-networking --user=root \
        --log-error="$STATE/mariadb.log" >/dev/null 2>&1 &
    for _ in $(seq 1 100); do
        mariadb --no-defaults -S "$SOCKET" -u root -e "SELECT 1" >/dev/null 2>&1 && break
        sleep 0.2
    done
fi
mariadb --no-defaults -S "$SOCKET" -u root -e "
    CREATE DATABASE IF NOT EXISTS wordpress CHARACTER SET utf8mb4;
    CREATE USER IF NOT EXISTS 'wordpress'@'localhost' IDENTIFIED BY 'wordpress';
    GRANT ALL ON wordpress.* TO 'wordpress'@'localhost';"

# --- the site: Debian's WordPress, our own wp-config.php and wp-content ----------------------
SITE="$STATE/site"
if [ ! -f "$SITE/wp-settings.php" ]; then
    rm -rf "$SITE.tmp"
    mkdir -p "$SITE.tmp"
    # A copy, not symlinks: WordPress finds wp-config.php next to its real path.
    cp -a /usr/share/wordpress/. "$SITE.tmp/"
    rm -f "$SITE.tmp/.htaccess" "$SITE.tmp/wp-config.php"
    mv "$SITE.tmp" "$SITE"
fi
mkdir -p "$SITE/wp-content/themes" "$SITE/wp-content/uploads" "$SITE/wp-content/mu-plugins"
[ -e "$SITE/wp-content/themes/twentytwentythree" ] \
    || cp -a /usr/share/wordpress/wp-content/themes/twentytwentythree "$SITE/wp-content/themes/"
cp "$HERE/newsdesk-companion.php" "$SITE/wp-content/mu-plugins/newsdesk-companion.php"
sed -e "s|@SOCKET@|$SOCKET|" -e "s|@URL@|$URL|" "$HERE/wp-config.php.in" >"$SITE/wp-config.php"

# --- PHP's built-in web server ------------------------------------------------------------------
if ! alive "$STATE/php.pid"; then
    WP_ENVIRONMENT_TYPE=local NEWSDESK_MAX_BODY_BYTES="$UPLOAD_LIMIT_BYTES" \
        php -d upload_max_filesize=64M -d post_max_size=64M -d memory_limit=512M -d display_errors=0 \
        -S "127.0.0.1:$PORT" -t "$SITE" "$HERE/router.php" >"$STATE/php.log" 2>&1 &
    echo $! >"$STATE/php.pid"
fi

# --- install once, then make sure the Application Passwords exist -----------------------------
HTTP_HOST="127.0.0.1:$PORT" WP_ENVIRONMENT_TYPE=local \
    php -d display_errors=stderr "$HERE/install.php" "$SITE" "$URL" "$STATE/site.json"

for _ in $(seq 1 100); do
    curl -fsS -o /dev/null "$URL/wp-json/" 2>/dev/null && break
    sleep 0.1
done
curl -fsS -o /dev/null "$URL/wp-json/" || { echo "wordpress: $URL does not answer" >&2; exit 1; }
echo "wordpress: $URL (credentials in build/wordpress/site.json)"
