#!/bin/sh
# Regenerates languages/guichet.pot from the plugin's PHP (GNU gettext's xgettext, Debian package gettext).
set -eu
cd "$(dirname "$0")/.."
find guichet.php includes -name '*.php' | sort | xgettext --files-from=- --language=PHP --from-code=UTF-8 \
  --keyword=__ --keyword=_e --keyword=esc_html__ --keyword=esc_html_e --keyword=esc_attr__ --keyword=_x:1,2c --keyword=_n:1,2 \
  --add-comments=translators: --package-name=guichet --msgid-bugs-address=https://github.com/guichet/guichet/issues \
  --sort-by-file --output=languages/guichet.pot
echo "languages/guichet.pot: $(grep -c '^msgid "' languages/guichet.pot) strings"
