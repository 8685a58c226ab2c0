"""The `edition` command: build the whole edition, check `source/`, or record new anchors."""
from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

from .signals import Interrupted, stopping_on_signals


def main(argv: list[str] | None = None) -> int:
    # Ctrl-C is caught from the first moment: the pipeline's modules (MkDocs among them) take
    # a second to import, so they are imported once the handlers are in place.
    with stopping_on_signals():
        try:
            return _main(argv)
        except Interrupted as err:
            if err.published:
                print("interrupted: stopped after site/ was published (it holds the new build)",
                      file=sys.stderr)
            else:
                print("interrupted: the build stopped; no staging folder is left and site/ is "
                      "unchanged", file=sys.stderr)
            return 128 + (err.args[0] if err.args else signal.SIGINT)


def run() -> None:
    """The command's entry point. Once main() has returned the work is done, written and said:
    a signal then would only turn the exit code into a crash, so it is ignored; and the process
    ends without the interpreter's teardown, which frees the build's objects one by one (a
    quarter of a second) for nothing."""
    code = main()
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, signal.SIG_IGN)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except OSError:
            pass  # a reader that has gone (a closed pipe) reads nothing more
    os._exit(code)


def _main(argv: list[str] | None) -> int:
    import argparse

    from .build import ForkStopped, Project
    from .problems import SourceError
    from .publish.engines import DEFAULT, ENGINES, EngineFailed
    from .publish.files import PublishFailed
    from .publish.finish import ThemeChanged

    parser = argparse.ArgumentParser(prog="edition", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path.cwd(),
                        help="the repository root (default: the current folder)")
    commands = parser.add_subparsers(dest="command", required=True)
    build_command = commands.add_parser("build", help="validate source/, write docs/, build site/")
    build_command.add_argument("--engine", choices=sorted(ENGINES), default=DEFAULT,
                               help=f"what turns docs/ into site/ (default: {DEFAULT})")
    commands.add_parser("check", help="validate source/ and mkdocs.yml without building")
    commands.add_parser("fields", help="write the field reference of source/README.md from the "
                        "declared records")
    commands.add_parser("messages", help="update the message catalogues (scripts/edition/i18n/"
                        "locale/) from the messages the code marks")
    record = commands.add_parser("anchors", help="manage the published-anchors ledger")
    record.add_argument("--record", action="store_true", help="add new anchors to the ledger")
    record.add_argument("--start", action="store_true",
                        help="with --record: start the ledger of an edition never published")
    record.add_argument("--remove", metavar="ANCHOR",
                        help="retire one anchor (its line stays, marked removed)")
    record.add_argument("--reason", default="",
                        help="with --remove or --move: why (required)")
    record.add_argument("--move", metavar="OLD",
                        help="a renamed page (sections/old.html): its old address redirects")
    record.add_argument("--to", metavar="NEW", default="", help="with --move: the new page")
    record.add_argument("--from-commit", metavar="COMMIT",
                        help="with --record: add the fingerprints of the earlier version "
                        "published at COMMIT, derived from its source/ (git show)")
    args = parser.parse_args(argv)
    project = Project(args.root.resolve())
    try:
        return _run(args, project)
    except SourceError as err:
        for problem in err.problems:
            print(f"error: {problem}", file=sys.stderr)
        print(f"{len(err.problems)} problem(s); site/ is unchanged.", file=sys.stderr)
        return 1
    except EngineFailed as err:
        print(f"error: mkdocs.yml: {err} — fix the warning above; site/ is unchanged",
              file=sys.stderr)
        return 1
    except ThemeChanged as err:
        print(f"error: {err}; site/ is unchanged", file=sys.stderr)
        return 1
    except (PublishFailed, ForkStopped) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    except OSError as err:
        print(f"error: {_os_error(err, project.root)}", file=sys.stderr)
        return 1


def _run(args, project) -> int:
    import time

    from .build import build
    from .publish import zensical_engine

    if args.command == "check":
        return _check(project)
    if args.command == "anchors":
        return _anchors(args, project)
    if args.command == "fields":
        from .load.reference import write_reference
        changed = write_reference(project.source / "README.md")
        print("source/README.md: field reference " + ("rewritten" if changed else "up to date"))
        return 0
    if args.command == "messages":
        from .i18n.catalogue import update_catalogues
        for language, missing in update_catalogues().items():
            print(f"{language}: {missing} message(s) to translate" if missing else
                  f"{language}: complete")
        return 0
    started = time.perf_counter()
    site = build(project, args.engine)
    print(f"built {site} in {time.perf_counter() - started:.1f} s")
    if args.engine == "zensical":
        print(f"note: with Zensical, not yet: {zensical_engine.GAPS}")
    return 0


def _check(project) -> int:
    """Every validation the build makes, nothing rendered: source/, the ledger, releases/,
    and mkdocs.yml (MkDocs' own validation: theme, plugins installed)."""
    from .build import validate
    from .publish import mkdocs_engine
    from .problems import Problems

    valid = validate(project)
    problems = Problems()
    project.docs.mkdir(exist_ok=True)  # MkDocs requires it; a fresh clone has it (.gitignore)
    mkdocs_engine.check_config(project.config, problems)
    problems.raise_if_any()
    print(f"source/ is valid: {len(valid.edition.blocks)} blocks, "
          f"{len(valid.edition.spans)} annotations, {len(valid.specs)} pages, "
          f"{len(valid.releases)} earlier release(s)")
    return 0


def _anchors(args, project) -> int:
    from .place import anchors
    from .load import load_source
    from .place import build_edition

    if args.remove:
        anchors.remove_from_ledger(project.ledger, args.remove, args.reason)
        print(f"removed {args.remove} from source/{anchors.LEDGER}: {args.reason}")
        return 0
    if args.move and not args.to:
        print("error: --move OLD needs --to NEW (the page's new address)", file=sys.stderr)
        return 2
    if args.move:
        anchors.remove_from_ledger(project.ledger, args.move, args.reason, moved_to=args.to)
        print(f"moved {args.move} to {args.to} in source/{anchors.LEDGER}: {args.reason}")
        return 0
    edition = build_edition(load_source(project.source))
    if args.record and args.from_commit:
        version = anchors.record_version_from(edition, project.ledger, project.root,
                                              args.from_commit)
        print(f"recorded the fingerprints of version {version} (commit {args.from_commit})")
    elif args.record:
        added = anchors.record_ledger(edition, project.ledger, start=args.start)
        print(f"recorded {added} new anchor(s) in source/{anchors.LEDGER}")
    else:
        print(f"{len(anchors.current_anchors(edition))} anchors")
    return 0


def _os_error(err: OSError, root: Path) -> str:
    """A file-system failure as one line: which file, what happened, what to do."""
    import errno
    fixes = {errno.ENOSPC: "free some disk space and build again",
             errno.EDQUOT: "free some of your disk quota and build again",
             errno.EACCES: "make it writable, or build in a copy you can write to",
             errno.EPERM: "make it writable, or build in a copy you can write to",
             errno.EROFS: "the file system is read-only: build in a copy you can write to"}
    name = Path(err.filename) if err.filename else root
    try:
        name = name.resolve().relative_to(root)
    except (ValueError, OSError):
        pass
    fix = fixes.get(err.errno, "check that folder and build again")
    return f"{name}: {err.strerror or err} — {fix}; site/ is unchanged"


if __name__ == "__main__":
    run()
