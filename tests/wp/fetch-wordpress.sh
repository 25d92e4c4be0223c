#!/bin/sh
# Fetches what the WordPress tests need, offline-safe (Debian apt + npm registry only), into a cache that is
# reused when present:
#   <cache>/wordpress      WordPress 6.8 unpacked from Debian trixie's .deb (downloaded, never installed)
#   <cache>/sqlite-database-integration.zip   the SQLite drop-in, from the @wp-playground/cli npm tarball
# Usage: sh tests/wp/fetch-wordpress.sh [cache-dir]   (default: .cache at the repository root)
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CACHE=${1:-$ROOT/.cache}
SUITE=${GUICHET_WP_SUITE:-trixie}
OUT=$CACHE/wordpress
SQLITE_ZIP=$CACHE/sqlite-database-integration.zip
PLAYGROUND_CLI=@wp-playground/cli@3.1.56
mkdir -p "$CACHE"
# Jest workers may ask at the same moment: one fetches, the others wait for it and find the tree ready.
exec 9>"$CACHE/.fetch-wordpress.lock"
flock 9

if [ -f "$OUT/wp-includes/version.php" ]; then
  echo "WordPress already in $OUT"
else
  W=$(mktemp -d)
  trap 'rm -rf "$W"' EXIT
  mkdir -p "$W/lists/partial" "$W/cache/archives/partial" "$W/root"
  # The machine's own Debian mirror, from either source-list format.
  M=$(sed -n 's/^URIs: *//p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -1)
  [ -n "$M" ] || M=$(sed -n 's/^deb \(http[^ ]*\) .*/\1/p' /etc/apt/sources.list 2>/dev/null | head -1)
  [ -n "$M" ] || M=http://deb.debian.org/debian
  echo "deb $M $SUITE main" > "$W/sources.list"
  A="-o Dir::Etc::sourcelist=$W/sources.list -o Dir::Etc::sourceparts=/dev/null -o Dir::State::Lists=$W/lists -o Dir::Cache=$W/cache -o Debug::NoLocking=1 -o APT::Sandbox::User=root"
  # shellcheck disable=SC2086
  apt-get $A -qq update
  THEME=wordpress-theme-twentytwentyfive
  [ "$SUITE" = bookworm ] && THEME=wordpress-theme-twentytwentythree
  # The .deb symlinks getID3, underscore, lodash and cropper into these packages: extract them into one root.
  # shellcheck disable=SC2086
  (cd "$W" && apt-get $A -qq download wordpress $THEME php-getid3 libjs-underscore libjs-lodash libjs-cropper)
  for d in "$W"/*.deb; do dpkg-deb -x "$d" "$W/root"; done
  R="$W/root/usr/share/wordpress"
  # Debian's wp-config.php reads /etc/wordpress; the harness writes its own.
  rm -f "$R/.htaccess" "$R/wp-config.php" "$R/wp-includes/certificates/ca-bundle.crt"
  TMP_OUT=$OUT.partial
  rm -rf "$TMP_OUT"; mkdir -p "$TMP_OUT"
  cp -rL "$R/." "$TMP_OUT/"   # -L resolves the relative symlinks into real files
  cp /etc/ssl/certs/ca-certificates.crt "$TMP_OUT/wp-includes/certificates/ca-bundle.crt"
  cp "$W/root/var/lib/wordpress/wp-content/index.php" "$TMP_OUT/wp-content/"
  mkdir -p "$TMP_OUT/wp-content/uploads"
  mv "$TMP_OUT" "$OUT"        # only a complete tree is ever seen at $OUT
  echo "WordPress $(sed -n "s/^\$wp_version = '\(.*\)';/\1/p" "$OUT/wp-includes/version.php") -> $OUT ($(find "$OUT" -type l | wc -l) symlinks left)"
fi

if [ -f "$SQLITE_ZIP" ]; then
  echo "SQLite drop-in already in $SQLITE_ZIP"
else
  P=$(mktemp -d)
  (cd "$P" && npm pack --silent "$PLAYGROUND_CLI" >/dev/null && tar xzf ./*.tgz package/sqlite-database-integration.zip)
  mv "$P/package/sqlite-database-integration.zip" "$SQLITE_ZIP"
  rm -rf "$P"
  echo "SQLite drop-in ($PLAYGROUND_CLI) -> $SQLITE_ZIP"
fi
# Unpacked once, so each test site takes hard links instead of unzipping again.
if [ ! -f "$CACHE/sqlite-database-integration/load.php" ]; then
  U=$(mktemp -d)
  unzip -q "$SQLITE_ZIP" -d "$U"
  rm -rf "$CACHE/sqlite-database-integration"
  mv "$U"/*/ "$CACHE/sqlite-database-integration"
  rm -rf "$U"
fi
