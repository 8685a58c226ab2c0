"""MkDocs glue for `mkdocs serve`: regenerate docs/ from source/ and finish every page served.

`edition build` runs the same steps itself (publish/), so nothing here is needed to build.
"""
from __future__ import annotations

import logging
from pathlib import Path

from edition.build import Project, prepare, write_docs
from edition.problems import SourceError
from edition.publish.finish import finish_page

log = logging.getLogger("mkdocs.plugins.edition")
_serving = False


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_pre_build(config) -> None:
    """While serving, rewrite docs/ from source/ before each rebuild."""
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


def on_post_page(output: str, page, config) -> str:
    """While serving, every page gets its Content-Security-Policy and valid theme markup."""
    return finish_page(output)[0] if _serving else output


def on_post_template(output: str, template_name: str, config) -> str:
    return finish_page(output)[0] if _serving and template_name.endswith(".html") else output
