"""Update the translation sources and compile them: `uv run python scripts/translations.py`.

`update` runs pyside6-lupdate over konnekta_desktop/ui (subpackages such as ui/settings/ too),
app.py and domain/refusals.py, merging new and changed strings into
resources/translations/konnekta_desktop_<lang>.ts (existing translations are kept);
`release` compiles each .ts into the .qm the app loads; with no command, both. `check` fails when
a Danish string is untranslated or unfinished, for CI.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
CATALOGUE = "konnekta_desktop"
LANGUAGES = {"en": "en", "da": "da_DK"}  # file suffix -> Qt language name


def sources() -> list[Path]:
    files = sorted((ROOT / "konnekta_desktop" / "ui").rglob("*.py"))
    # app.py, and the catalogue of reasons, whose English wordings are marked for translation.
    files.append(ROOT / "konnekta_desktop" / "app.py")
    files.append(ROOT / "konnekta_desktop" / "domain" / "refusals.py")
    return files


def ts_file(language: str) -> Path:
    return TRANSLATIONS / f"{CATALOGUE}_{language}.ts"


def run(command: list[str]) -> None:
    print("+", " ".join(command), flush=True)
    subprocess.run(command, check=True, cwd=ROOT)


def update(drop_obsolete: bool) -> None:
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    files = [str(path.relative_to(ROOT)) for path in sources()]
    for language, qt_name in LANGUAGES.items():
        command = [
            "pyside6-lupdate",
            *files,
            "-source-language",
            "en",
            "-target-language",
            qt_name,
            # Line numbers change with every edit; leaving them out keeps the diffs readable.
            "-locations",
            "none",
            "-ts",
            str(ts_file(language).relative_to(ROOT)),
        ]
        if drop_obsolete:
            command.insert(-2, "-no-obsolete")
        run(command)


def release() -> None:
    for language in LANGUAGES:
        source = ts_file(language)
        run(["pyside6-lrelease", str(source), "-qm", str(source.with_suffix(".qm"))])


def untranslated(language: str) -> list[str]:
    """Source texts of `language`'s .ts that have no finished translation."""
    tree = ElementTree.parse(ts_file(language))
    missing = []
    for message in tree.iter("message"):
        translation = message.find("translation")
        if translation is None:
            continue
        kind = translation.get("type")
        if kind in ("obsolete", "vanished"):
            continue
        plural = translation.findall("numerusform")
        done = all(f.text for f in plural) if plural else bool(translation.text)
        if kind == "unfinished" or not done:
            missing.append(message.findtext("source") or "")
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "command", nargs="?", choices=("update", "release", "check", "all"), default="all"
    )
    parser.add_argument(
        "--drop-obsolete", action="store_true", help="drop strings no longer in the code"
    )
    args = parser.parse_args(argv)
    if args.command in ("update", "all"):
        update(args.drop_obsolete)
    if args.command in ("release", "all"):
        release()
    if args.command == "check":
        missing = untranslated("da")
        for text in missing:
            print(f"untranslated (da): {text!r}")
        return 1 if missing else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
