"""The floors of the house: imports run downward only, no cycles, no import hidden in a function.

    cms                       the core: behaviours, blocks, documents, text analysis, extraction...
    pages, registry           the content, each on the core and independent of the other
    search, reports, council  the top floor: they read the models below; nothing below reads them
    discussion                above reports, whose deadline engine and report sections it uses

``cms.urls`` and ``cms.wsgi`` are the composition root and may import any app. The graph is built by
grimp (import-linter's engine) from the source, imports inside functions included.
"""

import ast
import itertools
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parent.parent

#: Bottom to top. A module may import its own floor's modules (acyclically) and any floor below.
FLOORS = [
    ["cms"],
    ["pages", "registry"],
    # council reads pages (commissions, roll-call votes) and registry (party organisations).
    ["search", "reports", "council"],
    # Public discussion reads reports (the deadline engine, the monthly report's sections); reports
    # reaches it only through hooks and register_dataset. Roles (groups, workflows, legal weight) read
    # pages and registry. Both stand a floor above reports, independent of each other.
    ["discussion", "roles"],
    # Media monitoring reads the models of cms, pages, registry and reports; nothing reads it.
    ["monitoring"],
]
#: Apps of one floor that must not import each other.
INDEPENDENT = [("pages", "registry"), ("discussion", "roles")]
COMPOSITION_ROOT = {"cms.urls", "cms.wsgi"}

#: Known violations being removed (issue 12); an entry here that no longer happens fails the test.
KNOWN_CYCLES: set[frozenset[str]] = set()
KNOWN_FUNCTION_IMPORTS: set[str] = set()

PACKAGES = [package for floor in FLOORS for package in floor]


@pytest.fixture(scope="module")
def graph():
    return grimp.build_graph(*PACKAGES, include_external_packages=False)


def floor_of(module: str) -> int:
    top = module.split(".")[0]
    return next(level for level, floor in enumerate(FLOORS) if top in floor)


def edges(graph):
    for importer in sorted(graph.modules):
        if importer in COMPOSITION_ROOT:
            continue
        for imported in sorted(graph.find_modules_directly_imported_by(importer)):
            yield importer, imported


def test_no_import_runs_up_a_floor(graph):
    upward = [
        f"{importer} -> {imported}"
        for importer, imported in edges(graph)
        if floor_of(imported) > floor_of(importer)
    ]
    assert upward == []


@pytest.mark.parametrize("first,second", INDEPENDENT)
def test_apps_of_one_floor_stay_independent(graph, first, second):
    crossing = [
        f"{importer} -> {imported}"
        for importer, imported in edges(graph)
        if {importer.split(".")[0], imported.split(".")[0]} == {first, second}
    ]
    assert crossing == []


def strongly_connected(nodes, successors):
    """Tarjan's algorithm, iterative: the components of more than one module."""
    index, lowlink, on_stack, stack, found = {}, {}, set(), [], []
    counter = itertools.count()
    for start in nodes:
        if start in index:
            continue
        work = [(start, iter(successors(start)))]
        index[start] = lowlink[start] = next(counter)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = lowlink[child] = next(counter)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(successors(child))))
                    break
                if child in on_stack:
                    lowlink[node] = min(lowlink[node], index[child])
            else:
                work.pop()
                if work:
                    lowlink[work[-1][0]] = min(lowlink[work[-1][0]], lowlink[node])
                if lowlink[node] == index[node]:
                    component = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.add(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(frozenset(component))
    return found


def test_no_import_cycle_between_our_modules(graph):
    def successors(module):
        if module in COMPOSITION_ROOT:
            return []
        return sorted(graph.find_modules_directly_imported_by(module))

    cycles = set(strongly_connected(sorted(graph.modules), successors))
    assert cycles - KNOWN_CYCLES == set(), "new import cycles"
    assert KNOWN_CYCLES - cycles == set(), "cycles that are gone: remove them from KNOWN_CYCLES"


def imports_inside_functions():
    """``path:line module`` for every import of our packages inside a function or method.

    ``AppConfig.ready()`` is where Django wants signal wiring, so it is allowed."""
    found = set()
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for function in ast.walk(tree):
                if (
                    not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef)
                    or function.name == "ready"
                ):
                    continue
                for node in ast.walk(function):
                    if isinstance(node, ast.ImportFrom):
                        names = [node.module or ""] if node.level == 0 else [f".{node.module or ''}"]
                    elif isinstance(node, ast.Import):
                        names = [alias.name for alias in node.names]
                    else:
                        continue
                    for name in names:
                        if name.startswith(".") or name.split(".")[0] in PACKAGES:
                            found.add(f"{path.relative_to(ROOT)}:{function.name} {name}")
    return found


def test_no_import_of_our_own_modules_inside_functions():
    found = imports_inside_functions()
    assert found - KNOWN_FUNCTION_IMPORTS == set(), "imports inside functions"
    assert KNOWN_FUNCTION_IMPORTS - found == set(), "gone: remove them from KNOWN_FUNCTION_IMPORTS"


#: Django's documented underscore names: model options, managers, instance state.
PUBLIC_UNDERSCORE_NAMES = {"_meta", "_default_manager", "_base_manager", "_state"}
#: Private names of Django, Wagtail, treebeard or import-export still used (issue 12, point 3); only shrinks.
KNOWN_PRIVATE_USES: set[str] = set()


def _is_private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def private_names_of_others():
    """``path:name`` for every ``_name`` our code reads that our code never defines: an internal of a package.

    Our own ``_helpers`` (functions, classes, attributes we assign) are ours to use."""
    trees = [
        (path, ast.parse(path.read_text(encoding="utf-8")))
        for package in PACKAGES
        for path in sorted((ROOT / package).rglob("*.py"))
        if "migrations" not in path.parts
    ]
    own = set(PUBLIC_UNDERSCORE_NAMES)
    for _path, tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                own.add(node.name)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                own.add(node.attr)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                own.add(node.id)
            elif isinstance(node, ast.alias) and node.asname:
                own.add(node.asname)
    found = set()
    for path, tree in trees:
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Attribute):
                names = [node.attr]
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "getattr":
                names = [arg.value for arg in node.args[1:2] if isinstance(arg, ast.Constant)]
            for name in names:
                if isinstance(name, str) and _is_private(name) and name not in own:
                    found.add(f"{path.relative_to(ROOT)}:{name}")
    return found


def test_no_private_name_of_django_wagtail_or_treebeard_is_used():
    found = private_names_of_others()
    assert found - KNOWN_PRIVATE_USES == set(), "private internals of a package"
    assert KNOWN_PRIVATE_USES - found == set(), "gone: remove them from KNOWN_PRIVATE_USES"
