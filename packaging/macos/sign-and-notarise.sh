#!/usr/bin/env bash
# Signs "build/dist/Konnekta Desktop.app" with a Developer ID and the hardened runtime, then (with
# a DMG given) signs, notarises and staples the DMG. See packaging/README.md for the set-up.
#
#   packaging/macos/sign-and-notarise.sh app
#   packaging/macos/sign-and-notarise.sh dmg build/installer/konnekta-desktop-VERSION.dmg
#
# Environment: MACOS_SIGNING_IDENTITY ("Developer ID Application: Name (TEAMID)"), and for
# notarisation NOTARY_PROFILE (a `xcrun notarytool store-credentials` profile name).
set -euo pipefail
cd "$(dirname "$0")/../.."

identity=${MACOS_SIGNING_IDENTITY:?set MACOS_SIGNING_IDENTITY to the Developer ID Application identity}
entitlements=packaging/macos/entitlements.plist
app="build/dist/Konnekta Desktop.app"

sign() {
    codesign --force --timestamp --options runtime --entitlements "$entitlements" \
        --sign "$identity" "$@"
}

case "${1:-}" in
    app)
        # Inside out: every library and executable first, the bundle last (no --deep, which
        # Apple advises against: it would sign resources as code and skip nested bundles' rules).
        find "$app/Contents" -type f \( -name "*.dylib" -o -name "*.so" -o -perm -u+x \) -print0 |
            while IFS= read -r -d '' file; do
                if file -b "$file" | grep -q "Mach-O"; then
                    sign "$file"
                fi
            done
        find "$app/Contents" -depth -type d -name "*.framework" -print0 |
            while IFS= read -r -d '' framework; do sign "$framework"; done
        sign "$app"
        codesign --verify --strict --verbose=2 "$app"
        ;;
    dmg)
        dmg=${2:?usage: sign-and-notarise.sh dmg FILE.dmg}
        profile=${NOTARY_PROFILE:?set NOTARY_PROFILE to a notarytool keychain profile}
        codesign --force --timestamp --sign "$identity" "$dmg"
        xcrun notarytool submit "$dmg" --keychain-profile "$profile" --wait
        xcrun stapler staple "$dmg"
        spctl --assess --type open --context context:primary-signature --verbose "$dmg"
        ;;
    *)
        sed -n '2,10p' "$0"
        exit 2
        ;;
esac
