#!/usr/bin/env bash
# Adds annotator to the desktop's application menu, pointing at this folder:
#   ./install-desktop-entry.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor/256x256/apps"
mkdir -p "$apps" "$icons"
cp "$here/annotator.png" "$icons/annotator.png"
sed "s|^Exec=annotator|Exec=\"$here/annotator\"|" "$here/annotator.desktop" > "$apps/annotator.desktop"
echo "added $apps/annotator.desktop"
