#!/usr/bin/env bash
# Turns dist/annotator into an AppImage with appimagetool (called by build.sh when the
# tool is installed): bash packaging/linux/make_appimage.sh VERSION ARCH
set -euo pipefail
version="$1" arch="$2"
appdir=build/annotator.AppDir
rm -rf "$appdir" && mkdir -p "$appdir/usr"
cp -r dist/annotator "$appdir/usr/lib-annotator"
cp packaging/linux/annotator.desktop "$appdir/annotator.desktop"
cp resources/icons/annotator-256.png "$appdir/annotator.png"
printf '#!/bin/sh\nexec "$(dirname "$0")/usr/lib-annotator/annotator" "$@"\n' > "$appdir/AppRun"
chmod +x "$appdir/AppRun"
ARCH="$arch" appimagetool "$appdir" "dist/annotator-$version-$arch.AppImage"
