"""The coverage figures `make test` prints at the end: lines and branches of desktop/, and the modules below the bar.

    python scripts/coverage_summary.py build/coverage.json   # written by `coverage json`

coverage's own table lists every module; this keeps the summary to what needs attention.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

BAR = 85.0  # per module, lines and branches together (coverage's "Cover" column)


def _percent(part: int, whole: int) -> float:
    return 100.0 * part / whole if whole else 100.0


def main(argv: list[str]) -> int:
    """Print the totals and the modules under BAR; always 0 (a figure to read, not a gate)."""
    data = json.loads(Path(argv[0] if argv else "build/coverage.json").read_text(encoding="utf-8"))
    totals = data["totals"]
    lines = _percent(totals["covered_lines"], totals["num_statements"])
    branches = _percent(totals["covered_branches"], totals["num_branches"])
    print(f"Coverage of desktop/: lines {lines:.1f}% ({totals['covered_lines']}/{totals['num_statements']}), "
          f"branches {branches:.1f}% ({totals['covered_branches']}/{totals['num_branches']}), "
          f"together {totals['percent_covered']:.1f}%")
    low = sorted((f["summary"]["percent_covered"], name) for name, f in data["files"].items()
                 if f["summary"]["percent_covered"] < BAR and f["summary"]["num_statements"])
    if low:
        print(f"Modules under {BAR:.0f}% (lines and branches together):")
        for percent, name in low:
            print(f"  {percent:5.1f}%  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
