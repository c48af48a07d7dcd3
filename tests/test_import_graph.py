"""quizgen's import graph: no cycle among its modules, and no module reaching sideways into a layer it should
not know. Read from the source (ast), so an import inside a function, which a grep of the top lines misses
and which is how the commands load their heavy parts, counts as much as one at the top. Imports under
`if TYPE_CHECKING:` are left out: they never run, and are how an annotation names a type without a cycle.
The commands that arguments.py loads by name (importlib) count as its imports."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "quizgen"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imported(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """The quizgen modules that `name` (the module in `path`) imports anywhere in its text: `from a import b`
    names module a.b when there is one, else a."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in runtime_nodes(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                origin = ".".join([*base, *([node.module] if node.module else [])])
            else:
                origin = node.module or ""
            for alias in node.names:
                found.add(f"{origin}.{alias.name}" if f"{origin}.{alias.name}" in known else origin)
    return {m for m in found if m in known and m != name}


def runtime_nodes(tree: ast.AST) -> list[ast.AST]:
    """Every node but those under `if TYPE_CHECKING:`."""
    nodes, todo = [], [tree]
    while todo:
        node = todo.pop()
        nodes.append(node)
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            todo.extend(node.orelse)
            continue
        todo.extend(ast.iter_child_nodes(node))
    return nodes


def loaded_commands() -> set[str]:
    """The modules arguments.py loads through importlib: quizgen.commands.<name> for each of its COMMANDS."""
    tree = ast.parse((PACKAGE / "arguments.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and [t.id for t in node.targets if isinstance(t, ast.Name)] == ["COMMANDS"]:
            return {f"quizgen.commands.{name}" for name in ast.literal_eval(node.value)}
    raise AssertionError("arguments.py has no COMMANDS")


def graph() -> dict[str, set[str]]:
    known = modules()
    edges = {name: imported(name, path, known) for name, path in known.items()}
    edges["quizgen.arguments"] |= loaded_commands()
    return edges


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """One cycle through each strongly connected group of more than one module (Tarjan), sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(edges[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                group.append(top)
                if top == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return sorted(groups)


def test_the_reader_finds_imports_inside_functions_and_relative_ones():
    edges = graph()
    assert "quizgen.controls" in edges["quizgen.cli"]  # `from .controls import one_line`, inside warn
    assert "quizgen.deck" in edges["quizgen.commands.check"]  # `from ..deck import …`, at the top
    assert "quizgen.commands.quiz" in edges["quizgen.arguments"]  # importlib, by name
    assert "quizgen.extract.context" not in edges["quizgen.extract.people"]  # only `if TYPE_CHECKING:`


def test_the_cycle_finder_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_import_cycle_among_quizgen_modules():
    assert cycles(graph()) == []


def test_no_command_imports_the_cli():
    """cli.py loads the commands (through arguments.py); a command importing it back is a hidden cycle."""
    edges = graph()
    assert [m for m in edges if m.startswith("quizgen.commands.") and "quizgen.cli" in edges[m]] == []


def test_questions_do_not_import_extraction():
    """Questions are made from a deck; they need English, not the extractor (which loads spaCy's world)."""
    edges = graph()
    wrong = {m: sorted(e for e in edges[m] if e.startswith("quizgen.extract")) for m in edges}
    assert {m: e for m, e in wrong.items() if m.startswith("quizgen.questions") and e} == {}
