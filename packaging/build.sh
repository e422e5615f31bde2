#!/usr/bin/env bash
# Build the annotator bundle for the system this runs on, into dist/:
#   bash packaging/build.sh
# Linux: dist/annotator/ (the `annotator` executable, its .desktop file, icon and
# install-desktop-entry.sh) and dist/annotator-linux-<arch>.tar.gz; an AppImage too when
# `appimagetool` is on the PATH. Windows: dist/annotator/ with annotator.exe (console, the
# commands) and annotator-window.exe, a zip, and the installer when Inno Setup's iscc is
# installed. macOS: dist/annotator.app and a zip. .github/workflows/bundles.yml runs this
# on all three.
set -euo pipefail
cd "$(dirname "$0")/.."
python="${PYTHON:-}"
if [ -z "$python" ]; then
  if [ -x .venv/bin/python ]; then python=.venv/bin/python
  elif [ -x .venv/Scripts/python.exe ]; then python=.venv/Scripts/python.exe
  else python3 -m venv .venv && python=.venv/bin/python; fi
fi
# The pinned PySide6 and this Python go into the bundle (pyproject.toml keeps Python 3.11
# on PySide6 6.11, which tests/unit/test_qt_runtime.py proves safe).
"$python" -m pip install -q -e . "pyinstaller>=6.10,<7"
start=$(date +%s)
"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/annotator.spec
version=$("$python" -c "import annotator; print(annotator.__version__)")
arch=$(uname -m)
case "$(uname -s)" in
  Linux)
    cp packaging/linux/annotator.desktop packaging/linux/install-desktop-entry.sh dist/annotator/
    cp resources/icons/annotator-256.png dist/annotator/annotator.png
    tar -czf "dist/annotator-$version-linux-$arch.tar.gz" -C dist annotator
    archive="dist/annotator-$version-linux-$arch.tar.gz"
    if command -v appimagetool >/dev/null; then
      bash packaging/linux/make_appimage.sh "$version" "$arch"
    else
      echo "no AppImage: appimagetool is not installed (it is not in the package registries here)"
    fi
    ;;
  Darwin)
    (cd dist && ditto -c -k --keepParent annotator.app "annotator-$version-macos-$arch.zip")
    archive="dist/annotator-$version-macos-$arch.zip"
    ;;
  MINGW*|MSYS*|CYGWIN*)
    powershell -NoProfile -Command \
      "Compress-Archive -Force -Path dist/annotator -DestinationPath dist/annotator-$version-windows.zip"
    archive="dist/annotator-$version-windows.zip"
    if command -v iscc >/dev/null; then
      iscc //DAppVersion="$version" packaging/windows/annotator.iss
    else
      echo "no installer: Inno Setup's iscc is not installed"
    fi
    ;;
esac
seconds=$(( $(date +%s) - start ))
folder_mib=$(du -sm dist/annotator* | awk 'NR==1 {print $1}')
archive_mib=$(du -sm "$archive" | awk '{print $1}')
echo "built in ${seconds} s: dist/annotator ${folder_mib} MiB, $(basename "$archive") ${archive_mib} MiB"
