#!/usr/bin/env bash
# Packs "build/dist/Konnekta Desktop.app" into build/installer/konnekta-desktop-VERSION-macos-ARCH.dmg
# (ARCH: arm64 on Apple silicon), with an Applications link to drag it onto. Uses create-dmg when
# installed (a nicer window), else hdiutil.
#
#   packaging/macos/make-dmg.sh VERSION
set -euo pipefail
cd "$(dirname "$0")/../.."

version=${1:?usage: make-dmg.sh VERSION}
app="build/dist/Konnekta Desktop.app"
out_dir=build/installer
dmg="$out_dir/konnekta-desktop-$version-macos-$(uname -m).dmg"
[[ -d $app ]] || { echo "make-dmg.sh: $app is missing; build it with PyInstaller first" >&2; exit 1; }
mkdir -p "$out_dir"
rm -f "$dmg"

# Both tools are given a folder holding the app: each puts that folder's contents in the image.
staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
# ditto keeps the signatures, symlinks and extended attributes of the bundle intact.
ditto "$app" "$staging/Konnekta Desktop.app"

if command -v create-dmg >/dev/null; then
    create-dmg \
        --volname "Konnekta Desktop $version" \
        --window-size 540 360 \
        --icon-size 96 \
        --icon "Konnekta Desktop.app" 140 170 \
        --app-drop-link 400 170 \
        --hide-extension "Konnekta Desktop.app" \
        --no-internet-enable \
        "$dmg" "$staging"
else
    ln -s /Applications "$staging/Applications"
    hdiutil create -volname "Konnekta Desktop $version" -srcfolder "$staging" \
        -fs HFS+ -format UDZO -imagekey zlib-level=9 "$dmg"
fi
echo "make-dmg.sh: wrote $dmg ($(du -h "$dmg" | cut -f1))"
