"""The layers import only downwards, ui/ and commands/ reach the store only through services, and the headless
layers import without Qt (the CLI and most tests run them on machines without a display).

The rules are docs/architecture.md's table; like qutebrowser's check that Qt is imported through its own package,
they are read from the source with `ast`, so a forbidden import fails here even when no test executes it.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "desktop"
HEADLESS = ("domain", "store", "exchange", "figures", "services")
# Top-level modules every layer may use: where files live, which Qt platform a headless run takes.
UTILITIES = {"paths", "display"}

# What each layer may import from the program (besides itself). reports/ keeps its data Qt-free; its rendering
# modules are Qt and may be used by ui/ and the CLI's report command.
ALLOWED = {
    "domain": set(),
    "store": {"domain"},
    "exchange": {"domain", "store"},
    "figures": {"domain", "store"},
    "reports": {"domain", "store", "figures"},
    "services": {"domain", "store", "exchange", "figures", "reports"},
    # The faces call services; they may name the exchange's result and error types and the figures they show.
    "ui": {"domain", "services", "reports", "store", "figures", "exchange"},
    "commands": {"domain", "services", "reports", "store", "figures", "exchange"},
}
# What the faces may take from the exchange: its result, error and declaration types, never its functions at work.
EXCHANGE_TYPES = ("desktop.exchange.errors", "desktop.exchange.model", "desktop.exchange.lists.spec")
# ui/ and commands/ may name these types of the store (to annotate, to catch its errors), nothing else of it.
STORE_TYPES = {"Store", "StoreError", "NotFoundError", "Row"}


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def _layer(path: Path) -> str:
    parts = path.relative_to(PACKAGE).parts
    return parts[0] if len(parts) > 1 else ""


def _imports(path: Path) -> list[tuple[int, str, list[str]]]:
    """(line, module, names) for every `import desktop.…` / `from desktop.… import …` in the file, however nested."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name, []) for alias in node.names if alias.name.startswith("desktop.")]
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("desktop") and not node.level:
            found.append((node.lineno, node.module, [alias.name for alias in node.names]))
    return found


def test_every_layer_imports_only_the_layers_below_it():
    wrong = []
    for path in _modules():
        layer = _layer(path)
        if layer not in ALLOWED:
            continue
        for line, module, _names in _imports(path):
            parts = module.split(".")
            target = parts[1] if len(parts) > 1 else ""
            if target and target != layer and target not in ALLOWED[layer] | UTILITIES:
                wrong.append(f"{path.relative_to(ROOT)}:{line} imports {module}")
    assert not wrong, "imports against the layers (docs/architecture.md):\n" + "\n".join(wrong)


def test_ui_and_commands_reach_the_store_only_through_services():
    wrong = []
    for path in _modules():
        if _layer(path) not in ("ui", "commands"):
            continue
        for line, module, names in _imports(path):
            if module == "desktop.store" and set(names) <= STORE_TYPES:
                continue
            if module == "desktop.store" or module.startswith("desktop.store."):
                wrong.append(f"{path.relative_to(ROOT)}:{line} imports {module} {names}")
            if module.startswith("desktop.exchange") and not module.startswith(EXCHANGE_TYPES):
                wrong.append(f"{path.relative_to(ROOT)}:{line} imports {module} (call desktop.services instead)")
    assert not wrong, "ui/ and commands/ must go through desktop.services:\n" + "\n".join(wrong)


def test_workbooks_are_read_and_written_only_by_the_exchange():
    """openpyxl, python-calamine and lxml (spreadsheet files) belong to exchange/; python-docx to reports/."""
    owners = {"openpyxl": "exchange", "python_calamine": "exchange", "lxml": "exchange", "docx": "reports"}
    wrong = []
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) and not node.level else []
            for name in names:
                owner = owners.get(name.split(".")[0])
                if owner and _layer(path) != owner:
                    wrong.append(f"{path.relative_to(ROOT)}:{node.lineno} imports {name}")
    assert not wrong, "file formats outside their layer:\n" + "\n".join(wrong)


def test_no_sql_outside_the_store():
    """SQL statements live in store/; other layers ask repositories and store functions."""
    wrong = []
    for path in _modules():
        if _layer(path) in ("store", ""):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in (
                    "execute", "executemany", "executescript", "query"):
                wrong.append(f"{path.relative_to(ROOT)}:{node.lineno} .{node.func.attr}(…)")
    assert not wrong, "raw SQL outside desktop/store:\n" + "\n".join(wrong)


def test_every_headless_module_imports_without_qt():
    names = [".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
             for p in _modules() if _layer(p) in HEADLESS]
    code = (
        "import importlib, sys\n"
        "class NoQt:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] == 'PySide6': raise ImportError('Qt imported by a headless module')\n"
        "sys.meta_path.insert(0, NoQt())\n"
        f"for name in {names!r}:\n"
        "    try: importlib.import_module(name)\n"
        "    except ImportError as exc: print(name, exc); sys.exit(1)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(names) > 40
