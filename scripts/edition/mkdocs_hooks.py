"""MkDocs glue for `mkdocs serve`: regenerate docs/ from source/ and watch source/."""
from __future__ import annotations

import logging
from pathlib import Path

from edition.build import Project, prepare, write_docs
from edition.problems import SourceError

log = logging.getLogger("mkdocs.plugins.edition")
_serving = False


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_pre_build(config) -> None:
    """While serving, rewrite docs/ from source/ before each rebuild (builds use `edition build`)."""
    if not _serving:
        return
    project = Project(Path(config.config_file_path).parent)
    try:
        files = prepare(project).docs_files()
    except SourceError as err:
        for problem in err.problems:
            log.error(str(problem))
        return
    write_docs(files, project.docs)


def on_serve(server, config, builder):
    server.watch(str(Path(config.config_file_path).parent / "source"))
    return server
