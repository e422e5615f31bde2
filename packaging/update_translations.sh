#!/usr/bin/env bash
# Refresh the Arabic translation after changing interface strings:
#   1. lupdate adds new strings to resources/translations/annotator_ar.ts (translate them in
#      Qt Linguist: .venv/bin/pyside6-linguist resources/translations/annotator_ar.ts);
#   2. lrelease compiles the .qm the app loads.
# tests/ui/test_translations.py fails while a string is untranslated or the .qm is stale.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=".venv/bin"
"$bin/pyside6-lupdate" -no-obsolete -locations none annotator/ui/*.py \
    -ts resources/translations/annotator_ar.ts -target-language ar
"$bin/pyside6-lrelease" resources/translations/annotator_ar.ts \
    -qm resources/translations/annotator_ar.qm
