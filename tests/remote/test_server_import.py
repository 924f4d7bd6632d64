"""`konnekta-desktop server import` (issue "Company connector", item 4, moving from direct mode):
a desktop's states, templates, local states, appointments, call history and the company's
settings go into the connector's store and settings; the desktop's files stay as they were."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from konnekta_desktop.core.store import Store
from konnekta_desktop.domain.appointments import Appointment
from konnekta_desktop.domain.states import State, StateClass
from konnekta_desktop.domain.types import Call, CallState, Direction
from konnekta_desktop.server_cli import main
from konnekta_desktop.settings import AppPaths, SecretStore, Settings, load_settings, save_settings
from konnekta_desktop.settings.schema import Language, Secret
from tests.helpers.keyring_backend import InMemoryKeyring


def digest(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_a_desktops_tenant_data_and_settings_move_to_the_connector(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], memory_keyring: InMemoryKeyring
) -> None:
    desktop, server = AppPaths.for_dir(tmp_path / "desktop"), AppPaths.for_dir(tmp_path / "server")
    with Store(desktop.data_dir / "konnekta-desktop.sqlite3") as store:
        store.save_state(State("Lunch with the board", StateClass.OUT_OF_OFFICE))
        store.set_user_state("u7", "Lunch with the board", 1000.0)
        store.save_appointment(Appointment("a1", "u7", "Lunch", 2000.0, 3000.0))
        call = Call(
            call_id="c1",
            user_id="u7",
            direction=Direction.INBOUND,
            state=CallState.ENDED,
            caller="+4511223344",
            called="100",
            started_at=1500.0,
        )
        store.add_call(call, ended_at=1600.0)
    settings = Settings(
        tenant_domain="example.dk",
        international_code="45",
        state_mappings={"Lunch with the board": "act-lunch"},
        client_secret=Secret("desktop-secret"),
        language=Language.DANISH,
    )
    save_settings(desktop, settings, SecretStore(memory_keyring))
    before = digest(tmp_path / "desktop")

    argv = ["import", "--from", str(desktop.config_dir), "--config-dir", str(server.config_dir)]
    assert main(argv) == 0
    printed = capsys.readouterr().out
    assert "call_history" in printed

    assert digest(tmp_path / "desktop") == before  # only read
    with Store(server.data_dir / "konnekta-desktop.sqlite3") as store:
        assert State("Lunch with the board", StateClass.OUT_OF_OFFICE) in store.states()
        assert store.user_state("u7") is not None
        assert [a.id for a in store.appointments()] == ["a1"]
        assert [record.call_id for record in store.call_history()] == ["c1"]
    taken, _ = load_settings(server)
    assert taken.tenant_domain == "example.dk"
    assert taken.state_mappings == {"Lunch with the board": "act-lunch"}
    assert taken.language is not Language.DANISH  # the operator's own stays the desktop's
    assert "desktop-secret" not in server.settings_file.read_text()

    assert main(argv) == 0  # again: nothing doubles
    with Store(server.data_dir / "konnekta-desktop.sqlite3") as store:
        assert len(store.call_history()) == 1


def test_importing_from_a_folder_without_a_store_imports_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["import", "--from", str(tmp_path / "none"), "--config-dir", str(tmp_path / "s")]
    assert main(argv) == 2
    assert "Nothing imported" in capsys.readouterr().err
