"""#14: merge folds a group only into earlier groups of its own kind and entity (a keyed reduce, linear in the
number of articles) and gets exactly what comparing it with every earlier group got."""

from __future__ import annotations

from types import SimpleNamespace

from hypothesis import given
from hypothesis import strategies as st

from quizgen.extract.merge import _fold


def fold_with_every_earlier_group(groups, same):  # noqa: ANN001, ANN201 - the quadratic fold it replaced
    out = []
    for g in groups:
        home = next((h for h in out if same(h[0], g[0])), None)
        if home is None:
            out.append(g)
        else:
            home.extend(g)
    return out


CLAIMS = st.builds(
    SimpleNamespace,
    kind=st.sampled_from(["quote", "event", "position", "date"]),
    entity=st.sampled_from([None, "Kelmar", "Norvald", "Ana Vell"]),
    words=st.integers(0, 5),
)


def same(home, c) -> bool:  # noqa: ANN001 - like merge's tests: one kind and entity, and something more
    return home.kind == c.kind and home.entity == c.entity and home.words % 3 == c.words % 3


@given(st.lists(st.lists(CLAIMS, min_size=1, max_size=3), max_size=40))
def test_the_keyed_fold_is_the_fold_over_every_earlier_group(groups) -> None:  # noqa: ANN001
    expected = fold_with_every_earlier_group([list(g) for g in groups], same)
    assert _fold([list(g) for g in groups], same) == expected
