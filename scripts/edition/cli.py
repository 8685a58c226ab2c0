"""The `edition` command: build the whole edition, check `source/`, or record new anchors."""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .build import Project, build, prepare
from .load import load_source
from .place import anchors, build_edition
from .publish.engines import DEFAULT, ENGINES, EngineFailed
from .publish import zensical_engine
from .publish.finish import ThemeChanged
from .problems import SourceError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="edition", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path.cwd(),
                        help="the repository root (default: the current folder)")
    commands = parser.add_subparsers(dest="command", required=True)
    build_command = commands.add_parser("build", help="validate source/, write docs/, build site/")
    build_command.add_argument("--engine", choices=sorted(ENGINES), default=DEFAULT,
                               help=f"what turns docs/ into site/ (default: {DEFAULT})")
    commands.add_parser("check", help="validate source/ only")
    record = commands.add_parser("anchors", help="manage the published-anchors ledger")
    record.add_argument("--record", action="store_true", help="add new anchors to the ledger")
    args = parser.parse_args(argv)
    project = Project(args.root.resolve())
    try:
        return _run(args, project)
    except SourceError as err:
        for problem in err.problems:
            print(f"error: {problem}", file=sys.stderr)
        print(f"{len(err.problems)} problem(s) in source/; nothing was written.", file=sys.stderr)
        return 1
    except EngineFailed as err:
        print(f"error: mkdocs.yml: {err} — fix the warning above; site/ is unchanged",
              file=sys.stderr)
        return 1
    except ThemeChanged as err:
        print(f"error: {err}; site/ is unchanged", file=sys.stderr)
        return 1


def _run(args: argparse.Namespace, project: Project) -> int:
    if args.command == "check":
        prepared = prepare(project)
        print(f"source/ is valid: {len(prepared.edition.blocks)} blocks, "
              f"{len(prepared.edition.spans)} annotations, {len(prepared.pages)} pages")
        return 0
    if args.command == "anchors":
        edition = build_edition(load_source(project.source))
        if args.record:
            added = anchors.record_ledger(edition, project.ledger)
            print(f"recorded {added} new anchor(s) in source/{anchors.LEDGER}")
        else:
            print(f"{len(anchors.current_anchors(edition))} anchors")
        return 0
    started = time.perf_counter()
    site = build(project, args.engine)
    print(f"built {site} in {time.perf_counter() - started:.1f} s")
    if args.engine == "zensical":
        print(f"note: with Zensical, not yet: {zensical_engine.GAPS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
