#!/bin/sh
# Builds the installable zip: blocks built by wp-scripts, the PHP adapter and the widgets embedded, French
# compiled. Output: .cache/release/guichet-<version>.zip (upload it in Plugins → Add New → Upload).
set -eu
PLUGIN=$(cd "$(dirname "$0")/.." && pwd)
ROOT=$(cd "$PLUGIN/../.." && pwd)
VERSION=$(sed -n 's/^ \* Version: *//p' "$PLUGIN/guichet.php")
OUT=$ROOT/.cache/release
[ -f "$ROOT/shared-widgets/dist/guichet.js" ] || node "$ROOT/shared-widgets/build.mjs"
(cd "$PLUGIN" && node "$ROOT/node_modules/@wordpress/scripts/bin/wp-scripts.js" build --webpack-copy-php)
rm -rf "$OUT/guichet" "$OUT/guichet-$VERSION.zip"
node "$PLUGIN/tools/stage-plugin.mjs" "$OUT/guichet"
(cd "$OUT" && zip -qr "guichet-$VERSION.zip" guichet)
echo "$OUT/guichet-$VERSION.zip ($(du -k "$OUT/guichet-$VERSION.zip" | cut -f1) KB)"
