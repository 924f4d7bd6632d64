"""The Settings window's lists draft (Operator polish, item 6): edits wait until applied, a
discard drops them, and an edit is refused at once as the store would refuse it."""

from __future__ import annotations

from pathlib import Path

import pytest

from konnekta_desktop.core.store import Store
from konnekta_desktop.domain.appointments import Appointment
from konnekta_desktop.domain.list_edits import ListEdit, carry_out_edits
from konnekta_desktop.domain.refusals import Reason, WentWrong
from konnekta_desktop.domain.states import State, StateClass, Template
from konnekta_desktop.ui.settings.drafts import ListsDraft


class StoreLists:
    """The list edits of a session, straight on a real store (the session adds only what
    follows a change: presence and appointments)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.plan = None
        self.colleagues = None

    def now(self) -> float:
        return 0.0

    async def activities(self) -> list[object]:
        return []

    def states(self) -> list[State]:
        return self.store.states()

    def templates(self) -> list[Template]:
        return self.store.templates()

    def appointments(self) -> list[Appointment]:
        return self.store.appointments()

    def save_state(self, state: State, *, renamed_from: str | None = None) -> None:
        self.store.save_state(state, renamed_from=renamed_from)

    def save_template(self, template: Template, *, renamed_from: str | None = None) -> None:
        self.store.save_template(template, renamed_from=renamed_from)

    def delete_template(self, name: str) -> None:
        self.store.delete_template(name)

    def save_appointment(self, appointment: Appointment) -> None:
        self.store.save_appointment(appointment)

    def delete_appointment(self, appointment_id: str) -> None:
        self.store.delete_appointment(appointment_id)

    async def save_lists(self, edits: list[ListEdit], *, request_id: str | None = None) -> None:
        carry_out_edits(self, edits)


@pytest.fixture
def lists(tmp_path: Path) -> StoreLists:
    return StoreLists(Store(tmp_path / "store.sqlite3"))


async def test_edits_are_shown_at_once_and_reach_the_store_only_when_applied(
    lists: StoreLists,
) -> None:
    draft = ListsDraft(lists)  # type: ignore[arg-type]
    before = lists.store.templates()
    draft.save_state(State("Front desk", StateClass.BUSY))
    draft.save_template(Template(name="Reception", state="Front desk"))
    draft.delete_template(before[0].name)
    assert "Reception" in [t.name for t in draft.templates()]
    assert before[0].name not in [t.name for t in draft.templates()]
    assert lists.store.templates() == before
    await draft.apply()
    names = [t.name for t in lists.store.templates()]
    assert "Reception" in names
    assert before[0].name not in names
    assert not draft.pending


def test_a_discard_leaves_the_store_as_it_was(lists: StoreLists) -> None:
    draft = ListsDraft(lists)  # type: ignore[arg-type]
    before = (lists.store.templates(), lists.store.appointments())
    draft.save_template(Template(name="Reception", state=lists.store.states()[0].name))
    draft.save_appointment(Appointment("a1", "u1", before[0][0].name, 10.0, 20.0))
    draft.discard()
    assert (lists.store.templates(), lists.store.appointments()) == before
    assert draft.templates() == before[0]


def test_a_wrong_edit_is_refused_at_once_as_the_store_would(lists: StoreLists) -> None:
    draft = ListsDraft(lists)  # type: ignore[arg-type]
    taken = lists.store.templates()[0].name
    other = lists.store.templates()[1].name
    with pytest.raises(WentWrong) as exists:
        draft.save_template(
            Template(name=taken, state=lists.store.states()[0].name), renamed_from=other
        )
    assert exists.value.why.reason is Reason.TEMPLATE_EXISTS
    with pytest.raises(WentWrong) as unknown:
        draft.save_template(Template(name="New", state="No such state"))
    assert unknown.value.why.reason is Reason.TEMPLATE_STATE_UNKNOWN
    with pytest.raises(WentWrong) as nameless:
        draft.save_template(Template(name=" ", state=lists.store.states()[0].name))
    assert nameless.value.why.reason is Reason.TEMPLATE_WITHOUT_NAME
    assert not draft.pending


async def test_renaming_a_template_carries_its_appointments_in_the_draft_and_the_store(
    lists: StoreLists,
) -> None:
    template = lists.store.templates()[0]
    lists.store.save_appointment(Appointment("a1", "u1", template.name, 10.0, 20.0))
    draft = ListsDraft(lists)  # type: ignore[arg-type]
    renamed = Template(name="Renamed", state=template.state)
    draft.save_template(renamed, renamed_from=template.name)
    assert [a.template_name for a in draft.appointments()] == ["Renamed"]
    await draft.apply()
    assert [a.template_name for a in lists.store.appointments()] == ["Renamed"]
