#!/bin/sh
# Builds guichet-spip-<version>.zip, installable through SVP ("Ajouter un plugin" / plugins/auto): the plugin
# with the shared PHP adapter copied in under lib/guichet-adapter/ (and the widget bundle under
# lib/guichet-widgets/ when it has been built). The copies exist only inside the zip, never in git.
#
#   plugins/spip/bin/build-release.sh [output-dir]      (default: plugins/spip/dist)
set -eu

PLUGIN_DIR=$(cd "$(dirname "$0")/.." && pwd)
REPO_DIR=$(cd "$PLUGIN_DIR/../.." && pwd)
OUT_DIR=${1:-"$PLUGIN_DIR/dist"}
VERSION=$(sed -n 's/.*[[:space:]]version="\([^"]*\)".*/\1/p' "$PLUGIN_DIR/paquet.xml" | head -n 1)
[ -n "$VERSION" ] || { echo "no version in paquet.xml" >&2; exit 1; }

STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT
DEST="$STAGE/guichet"
mkdir -p "$DEST"

# The plugin, without what only developers need.
(cd "$PLUGIN_DIR" && tar cf - --exclude=./tests --exclude=./bin --exclude=./dist --exclude=./lib \
	--exclude=./phpunit.xml.dist --exclude=./package.json --exclude=./node_modules .) | (cd "$DEST" && tar xf -)

# The adapter: its code, and the JSON data it shares with the TypeScript side (DataFiles looks in data/).
ADAPTER="$DEST/lib/guichet-adapter"
mkdir -p "$ADAPTER/data"
cp "$REPO_DIR/backend-adapter/php/autoload.php" "$ADAPTER/"
cp -R "$REPO_DIR/backend-adapter/php/src" "$ADAPTER/src"
cp "$REPO_DIR/backend-adapter/src/protocol/error-messages.json" "$ADAPTER/data/"
cp "$REPO_DIR/backend-adapter/src/domain/tax/tax-rules.json" "$ADAPTER/data/"
cp "$REPO_DIR/backend-adapter/src/protocol/simulation-cards.json" "$ADAPTER/data/"
# The tax receipts' PDF writer reads the font metrics it shares with the TypeScript writer.
for donnees in "$REPO_DIR"/backend-adapter/src/receipts/pdf/*.json; do
	[ -f "$donnees" ] && cp "$donnees" "$ADAPTER/data/" || true
done
for licence in LICENSE COPYING; do
	[ -f "$REPO_DIR/$licence" ] && cp "$REPO_DIR/$licence" "$DEST/" || true
done

# The widgets, if built (node shared-widgets/build.mjs): scripts and styles, no source maps.
WIDGETS="$REPO_DIR/shared-widgets/dist"
if [ -f "$WIDGETS/guichet.js" ]; then
	mkdir -p "$DEST/lib/guichet-widgets/chunks"
	cp "$WIDGETS/guichet.js" "$WIDGETS/guichet.css" "$DEST/lib/guichet-widgets/"
	if [ -d "$WIDGETS/chunks" ]; then
		find "$WIDGETS/chunks" -maxdepth 1 -type f \( -name '*.js' -o -name '*.css' \) -exec cp {} "$DEST/lib/guichet-widgets/chunks/" \;
	fi
else
	echo "warning: shared-widgets/dist/guichet.js is missing; the zip works without JavaScript only" >&2
fi

mkdir -p "$OUT_DIR"
ZIP="$OUT_DIR/guichet-spip-$VERSION.zip"
rm -f "$ZIP"
(cd "$STAGE" && zip -qr -X "$ZIP" guichet)
echo "$ZIP"
