"""`konnekta-desktop server add-operator | list-operators | revoke | audit` on a store file,
as the admin runs them beside a connector; and what the operators' table keeps (hashes only)."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from konnekta_desktop.core.clock import ManualClock
from konnekta_desktop.domain.interface import Role
from konnekta_desktop.domain.refusals import Reason, Refused
from konnekta_desktop.remote.operators import Operators
from konnekta_desktop.server_cli import main

CODE = re.compile(r"^    ([A-Z2-7]{4}(?:-[A-Z2-7]{1,4}){7})$", re.MULTILINE)


def store(config_dir: Path) -> Path:
    return config_dir / "data" / "konnekta-desktop.sqlite3"


def test_add_list_revoke_and_audit_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["add-operator", "--user", "anna@example.dk", "--config-dir", str(tmp_path)]) == 0
    printed = capsys.readouterr().out
    [code] = CODE.findall(printed)
    assert len(code.replace("-", "")) == 32  # 160 bits in base32
    assert main(["--config-dir", str(tmp_path), "add-operator", "--user", "bo", "--admin"]) == 0
    capsys.readouterr()

    operators = Operators.open(store(tmp_path))
    token, anna = operators.enrol(code, "PC-1")
    operators.record(anna, "dial", {"destination": "+4511223344"}, "done")
    operators.close()

    assert main(["list-operators", "--config-dir", str(tmp_path)]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert re.match(r"\s+1\s+anna@example.dk\s+operator\s+enrolled\s+.*PC-1$", listed[1])
    assert re.match(r"\s+2\s+bo\s+administrator\s+invited\s+-", listed[2])

    assert main(["audit", "--config-dir", str(tmp_path)]) == 0
    assert re.search(r"anna@example.dk\s+dial\s+done\s+.*\+4511223344", capsys.readouterr().out)

    assert main(["revoke", "anna@example.dk", "--config-dir", str(tmp_path)]) == 0
    assert "Revoked" in capsys.readouterr().out
    assert main(["revoke", "anna@example.dk", "--config-dir", str(tmp_path)]) == 1
    operators = Operators.open(store(tmp_path))
    assert operators.identify(token) is None
    operators.close()


def test_only_hashes_of_codes_and_tokens_are_kept(tmp_path: Path) -> None:
    operators = Operators.open(tmp_path / "store.sqlite3")
    invitation = operators.invite("anna", Role.OPERATOR)
    other = operators.invite("bo", Role.OPERATOR)
    token, _ = operators.enrol(invitation.code, "PC")
    operators.close()
    raw = b"".join(path.read_bytes() for path in tmp_path.iterdir())  # the WAL too, if left
    for secret in (invitation.code, other.code, token):
        plain = secret.replace("-", "").encode()
        assert plain not in raw
        assert secret.encode() not in raw
    with sqlite3.connect(tmp_path / "store.sqlite3") as db:
        hashes = [row[0] for row in db.execute("SELECT token_hash FROM operators")]
    assert sum(isinstance(h, bytes) and len(h) == 32 for h in hashes) == 1


def test_a_code_is_single_use_expires_and_dies_with_a_revocation(tmp_path: Path) -> None:
    clock = ManualClock()
    operators = Operators.open(tmp_path / "store.sqlite3", clock)
    used = operators.invite("anna", Role.OPERATOR)
    operators.enrol(used.code, "PC")
    with pytest.raises(Refused) as again:
        operators.enrol(used.code, "PC")
    assert again.value.why.reason is Reason.ENROLMENT_CODE_WRONG

    late = operators.invite("bo", Role.OPERATOR, hours=24)
    clock.advance(24 * 3600)
    with pytest.raises(Refused) as expired:
        operators.enrol(late.code, "PC")
    assert expired.value.why.reason is Reason.ENROLMENT_CODE_EXPIRED

    revoked = operators.invite("cy", Role.OPERATOR)
    operators.revoke("cy")
    with pytest.raises(Refused) as gone:
        operators.enrol(revoked.code, "PC")
    assert gone.value.why.reason is Reason.ENROLMENT_CODE_WRONG
    operators.close()


def test_the_running_connector_notices_a_revocation_made_by_another_process(
    tmp_path: Path,
) -> None:
    running = Operators.open(tmp_path / "store.sqlite3")
    token, anna = running.enrol(running.invite("anna", Role.OPERATOR).code, "PC")
    assert not running.changed()
    admin = Operators.open(tmp_path / "store.sqlite3", patient=True)  # the command line
    admin.revoke(str(anna.id))
    admin.close()
    assert running.changed()
    assert running.revoked_among({anna.id, 999}) == {anna.id}
    assert running.identify(token) is None
    running.close()
