#!/usr/bin/env bash
# Builds the Linux one-folder bundle from packaging/konnekta-desktop.spec and smoke-tests it: the
# built program starts offscreen against its own simulator (--demo), connects, and exits 0.
#
#   scripts/build_bundle.sh               build into build/bundle/dist, then smoke-test
#   scripts/build_bundle.sh --skip-build  smoke-test the bundle built before
#   scripts/build_bundle.sh --headless    smoke-test the connector without Qt's window
#
# Environment: PYINSTALLER (default "uv run pyinstaller"), BUNDLE_DIR (default build/bundle),
# SMOKE_TIMEOUT seconds (default 60).
set -euo pipefail

cd "$(dirname "$0")/.."

build=1
mode=gui
for argument in "$@"; do
    case "$argument" in
        --skip-build) build=0 ;;
        --headless) mode=headless ;;
        -h | --help)
            sed -n '2,10p' "$0"
            exit 0
            ;;
        *)
            echo "build_bundle.sh: unknown option $argument (see --help)" >&2
            exit 2
            ;;
    esac
done

bundle_dir=${BUNDLE_DIR:-build/bundle}
pyinstaller=${PYINSTALLER:-uv run pyinstaller}
timeout_seconds=${SMOKE_TIMEOUT:-60}
program="$bundle_dir/dist/konnekta-desktop/konnekta-desktop"

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

if [[ $build == 1 ]]; then
    echo "== Building the bundle with PyInstaller ($pyinstaller)"
    started=$(now)
    # shellcheck disable=SC2086 # PYINSTALLER may be a command with arguments
    $pyinstaller packaging/konnekta-desktop.spec --noconfirm --clean --log-level WARN \
        --distpath "$bundle_dir/dist" --workpath "$bundle_dir/work"
    echo "build time: $(elapsed "$started" "$(now)") s"
fi

if [[ ! -x $program ]]; then
    echo "build_bundle.sh: no bundle at $program; run without --skip-build first" >&2
    exit 1
fi

echo "== Smoke test ($mode)"
version=$("$program" --version)
echo "version: $version"
[[ $version == konnekta-desktop\ * ]] || {
    echo "build_bundle.sh: --version printed '$version'" >&2
    exit 1
}

config_dir=$(mktemp -d)
trap 'rm -rf "$config_dir"' EXIT
arguments=(--demo --exit-when-connected --config-dir "$config_dir" --users 200)
[[ $mode == headless ]] && arguments=(--headless "${arguments[@]}")

started=$(now)
status=0
QT_QPA_PLATFORM=offscreen timeout "$timeout_seconds" "$program" "${arguments[@]}" \
    >"$config_dir/output.txt" 2>&1 || status=$?
finished=$(now)

log="$config_dir/logs/konnekta-desktop.log"
connected_line=$(grep -m1 "Connection connected" "$log" 2>/dev/null || true)
if [[ $status != 0 || -z $connected_line ]]; then
    echo "build_bundle.sh: the bundle did not connect and exit cleanly (exit status $status)" >&2
    tail -n 40 "$config_dir/output.txt" >&2
    exit 1
fi
if grep -q "Traceback" "$config_dir/output.txt"; then
    echo "build_bundle.sh: the bundle wrote a traceback:" >&2
    grep -A 20 "Traceback" "$config_dir/output.txt" >&2
    exit 1
fi

# The log's timestamps have milliseconds: "2026-01-31 12:00:00,123 INFO ...".
connected_at=$(echo "$connected_line" | awk '{ sub(",", ".", $2); print $1 " " $2 }')
connected_epoch=$(date -d "$connected_at" +%s.%N)
echo "time to connected: $(elapsed "$started" "$connected_epoch") s (start to exit $(elapsed "$started" "$finished") s)"
echo "bundle size: $(du -sh "$bundle_dir/dist/konnekta-desktop" | cut -f1) ($(find "$bundle_dir/dist/konnekta-desktop" -type f | wc -l) files)"
echo "smoke test passed"
