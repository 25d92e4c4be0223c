#!/bin/sh
# Regenerates languages/guichet.pot from the plugin's PHP and the block editor's TypeScript (GNU gettext's
# xgettext, Debian package gettext; its JavaScript parser reads .ts/.tsx with JSX), then brings the French
# .po in step with it (msgmerge keeps every existing translation). The blocks' block.json strings (titles,
# descriptions, keywords… with WordPress's "block title"-style contexts) come from tools/block-json-pot.mjs.
set -eu
cd "$(dirname "$0")/.."
COMMON="--from-code=UTF-8 --add-comments=translators: --package-name=guichet --msgid-bugs-address=https://github.com/guichet/guichet/issues --sort-by-file --output=languages/guichet.pot"
find guichet.php includes -name '*.php' | sort | xgettext --files-from=- --language=PHP $COMMON \
  --keyword=__ --keyword=_e --keyword=esc_html__ --keyword=esc_html_e --keyword=esc_attr__ --keyword=_x:1,2c --keyword=_n:1,2
# @wordpress/i18n: __, _x, _n, _nx (sprintf only formats what they return)
find src -name '*.ts' -o -name '*.tsx' | sort | xgettext --files-from=- --language=JavaScript --join-existing $COMMON \
  --keyword=__ --keyword=_x:1,2c --keyword=_n:1,2 --keyword=_nx:1,2,4c
# block.json: what register_block_type translates server-side (wp-includes/block-i18n.json), read into a
# temporary .pot that xgettext joins like any other source.
blocks=$(mktemp -d)
trap 'rm -rf "$blocks"' EXIT
node tools/block-json-pot.mjs src/blocks/*/block.json >"$blocks/block-json.pot"
xgettext --join-existing $COMMON "$blocks/block-json.pot"
for po in languages/*.po; do
  msgmerge --quiet --update --backup=none --no-fuzzy-matching "$po" languages/guichet.pot
done
echo "languages/guichet.pot: $(grep -c '^msgid "' languages/guichet.pot) strings"
