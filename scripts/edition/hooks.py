"""MkDocs glue for `mkdocs serve`: regenerate docs/ from source/ and finish every page served.

`edition build` runs the same steps itself (publish/); of this module it uses only what MkDocs
does while it renders: the compiled templates kept (on_env) and the error page of a language's
folder (on_template_context). Zensical runs no hooks: its Spanish error page links to the root.
"""
from __future__ import annotations

import logging
import sys
from pathlib import Path

from edition.build import ForkStopped, Project, prepare, write_docs
from edition.i18n import messages
from edition.publish.config import script_words
from edition.publish.finish import finish_page
from edition.publish.mkdocs_engine import COMPILED_TEMPLATES
from edition.problems import SourceError

# Problems in source/ are printed as MkDocs prints errors, but not through MkDocs' logger: in
# strict mode it would abort the rebuild with a traceback. The last good pages stay served.
log = logging.getLogger("edition.serve")
if not log.handlers:
    _handler = logging.StreamHandler(sys.stderr)
    _handler.setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s"))
    log.addHandler(_handler)
    log.propagate = False
_serving = False


def on_startup(command: str, dirty: bool) -> None:
    """`mkdocs serve --dirty` re-renders only the pages whose docs/ file changed (the hook
    rewrites only those). MkDocs warns of every dirty build, which strict mode would turn into
    a stop: that one warning is left out; any other still stops the preview's rebuild."""
    global _serving
    _serving = command == "serve"
    if _serving and dirty:
        logging.getLogger("mkdocs.commands.build").addFilter(
            lambda record: not record.getMessage().startswith("A 'dirty' build is being performed"))


def on_config(config):
    """While serving from mkdocs.yml alone, the scripts' words in English, the language of the
    pages it serves (edition build gives each language its own: publish/config.engine_settings)."""
    config.extra.setdefault("edition_words", script_words(messages("en")))
    return config


def on_pre_build(config) -> None:
    """While serving, rewrite docs/ from source/ before each rebuild (builds use `edition build`)."""
    if not _serving:
        return
    project = Project(Path(config.config_file_path).parent)
    try:
        write_docs(prepare(project, preview=True).docs_files(), project.docs)
    except SourceError as err:
        for problem in err.problems:
            log.error(str(problem))
        log.error("%d problem(s) in source/: still serving the last good pages", len(err.problems))
    except (OSError, ForkStopped) as err:
        log.error("%s: still serving the last good pages", err)


def on_env(env, config, files):
    env.bytecode_cache = COMPILED_TEMPLATES  # kept by a module imported once (this one is not)
    return env


def on_serve(server, config, builder):
    """Rebuild when source/ changes, not when docs/ does: docs/ is what this hook writes, and
    watching it made every edit two rebuilds."""
    server.unwatch(config.docs_dir)
    _watch_often(server, str(Path(config.config_file_path).parent / "source"))
    return server


# MkDocs polls what it watches every half second (its server's polling_interval, which `mkdocs
# serve` has no option for); source/, some twenty files, is polled every tenth of a second, so
# an edit is seen at once. The interval is set where watchdog keeps it: should that move, the
# watch still works, at MkDocs' pace.
SOURCE_POLLING = 0.1


def _watch_often(server, path: str) -> None:
    observer = server.observer
    every = getattr(observer, "_timeout", None)
    if every is not None:
        observer._timeout = SOURCE_POLLING  # the interval of the watches scheduled now
    try:
        server.watch(path)
    finally:
        if every is not None:
            observer._timeout = every


def on_template_context(context, template_name: str, config):
    """The error page of a language's folder (es/404.html) links into that folder. MkDocs gives
    an error page links from the site's root, the path of site_url or '/': without a site URL,
    the Spanish error page linked to the English pages."""
    prefix = config.extra.get("edition_prefix", "")
    if template_name == "404.html" and prefix and not config.site_url:
        context["base_url"] = "/" + prefix.rstrip("/")
    return context


def on_post_page(output: str, page, config) -> str:
    """While serving, every page gets its Content-Security-Policy and valid theme markup
    (`edition build` finishes the built site itself: publish/finish.py)."""
    return finish_page(output)[0] if _serving else output


def on_post_template(output: str, template_name: str, config) -> str:
    return finish_page(output)[0] if _serving and template_name.endswith(".html") else output
