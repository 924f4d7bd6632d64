"""Finding the right colleague: the filter's best match is on top, since a key pressed right after
typing acts on the top row (issue "Call safety", section "Finding the right colleague")."""

from __future__ import annotations

import pytest

from konnekta_desktop.core.model import LiveModel
from konnekta_desktop.domain import Alias, Line, LineRole, LineType, User
from konnekta_desktop.domain.numbers import NumberPlan
from konnekta_desktop.ui.colleague_filter import ColleagueFilterProxy
from konnekta_desktop.ui.colleagues import USER_ID_ROLE, ColleagueColumn, ColleagueTableModel
from tests.gui.gui_helpers import CountingPresence, loaded_model, named_colleagues

PEOPLE = [
    ("Anders Frederiksen", "Salg", "+4533000001"),
    ("Frede Holm", "Lager", "+4533000002"),
    ("Hans Berg", "IT", "+4533000003"),
    ("Peter Johansen", "IT", "+4533000004"),
    ("Hanne Hansen", "Økonomi", "+4533000005"),
    ("Kim Lone", "Frokostordning", "+4533000006"),
    ("Lone Skov", "Reception", "+4533000007"),
    ("Alone Wolf", "IT", "+4533000008"),
    ("Bo Lonestar", "IT", "+4533000009"),
    ("Hans Aagaard", "Support", "+4533003300"),
]


def names(proxy: ColleagueFilterProxy, model: LiveModel) -> list[str]:
    result = []
    for row in range(proxy.rowCount()):
        colleague = model.get(proxy.index(row, 0).data(USER_ID_ROLE))
        assert colleague is not None
        result.append(colleague.user.name)
    return result


@pytest.fixture
def model() -> LiveModel:
    return named_colleagues(PEOPLE)


@pytest.fixture
def proxy(qapp: object, model: LiveModel) -> ColleagueFilterProxy:
    proxy = ColleagueFilterProxy()
    proxy.setSourceModel(ColleagueTableModel(model, NumberPlan(), CountingPresence(), proxy))
    return proxy


def test_people_whose_first_name_starts_with_the_text_come_before_surnames_and_substrings(
    proxy: ColleagueFilterProxy, model: LiveModel
) -> None:
    proxy.set_filter("hans")
    # First names (ties by last word: Aagaard before Berg), then a later name word, then the
    # Hans inside Johansen.
    assert names(proxy, model) == ["Hans Aagaard", "Hans Berg", "Hanne Hansen", "Peter Johansen"]


def test_a_later_name_word_comes_after_a_first_name_that_starts_with_the_text(
    proxy: ColleagueFilterProxy, model: LiveModel
) -> None:
    proxy.set_filter("fre")
    assert names(proxy, model)[:2] == ["Frede Holm", "Anders Frederiksen"]


def test_department_words_come_after_names_and_before_substrings(
    proxy: ColleagueFilterProxy, model: LiveModel
) -> None:
    proxy.set_filter("lone")
    # Lone Skov (first name), Kim Lone (later word), Bo Lonestar (later word, by last word:
    # "lone" < "lonestar"), then Alone Wolf, whose name holds "lone" only inside a word.
    assert names(proxy, model) == ["Lone Skov", "Kim Lone", "Bo Lonestar", "Alone Wolf"]
    proxy.set_filter("frok")
    assert names(proxy, model) == ["Kim Lone"]  # the department "Frokostordning"
    proxy.set_filter("sup")
    assert names(proxy, model) == ["Hans Aagaard"]


def test_an_exact_number_comes_first_however_it_is_typed(
    proxy: ColleagueFilterProxy, model: LiveModel
) -> None:
    # "3300000" is part of several numbers; 33 00 00 03 is Hans Berg's whole number, which
    # comes first although Anders and Frede are earlier in the list.
    for typed in ("33 00 00 03", "+45 33 00 00 03", "004533000003", "33000003"):
        proxy.set_filter(typed)
        assert names(proxy, model)[0] == "Hans Berg", typed


def test_a_short_number_typed_whole_comes_first(qapp: object) -> None:
    users = [
        User(
            id=f"s{i}",
            username=f"s{i}@x.dk",
            name=name,
            department="IT",
            lines=(
                Line(role=LineRole.PRIMARY, type=LineType.FIXED, number=number, aliases=aliases),
            ),
        )
        for i, (name, number, aliases) in enumerate(
            [
                ("Aase 123", "+4533123400", ()),  # "123" in the name and the number
                ("Zelma Zed", "+4533000011", (Alias(number="123", short_number=True),)),
            ]
        )
    ]
    model = loaded_model(users)
    proxy = ColleagueFilterProxy()
    proxy.setSourceModel(ColleagueTableModel(model, NumberPlan(), CountingPresence(), proxy))
    proxy.set_filter("123")
    assert names(proxy, model) == ["Zelma Zed", "Aase 123"]


def test_ranking_follows_the_text_typed_so_far_and_the_whole_list_returns_when_cleared(
    proxy: ColleagueFilterProxy, model: LiveModel
) -> None:
    proxy.set_filter("h")
    assert names(proxy, model)[:3] == ["Hans Aagaard", "Hans Berg", "Hanne Hansen"]
    proxy.set_filter("ha")
    proxy.set_filter("hans b")
    assert names(proxy, model) == ["Hans Berg"]
    proxy.set_filter("")
    assert names(proxy, model) == sorted(name for name, _dept, _number in PEOPLE)


def test_sorted_by_another_column_ties_within_a_tier_follow_that_column(
    proxy: ColleagueFilterProxy, model: LiveModel
) -> None:
    proxy.set_filter("hans")
    proxy.sort(ColleagueColumn.NUMBER)
    # The tiers stay (first names first), but within one the operator's chosen order holds.
    assert names(proxy, model) == ["Hans Berg", "Hans Aagaard", "Hanne Hansen", "Peter Johansen"]
