"""The edition reproduces every character of the transmitted text, in order, and adds nothing."""
from __future__ import annotations

import hashlib
import re

from conftest import REPO
from htmltext import transmitted_blocks

SEED_SHA256 = "f451c436bc1002de8e1b4b6f25801eb121016d140e02338e99971b18c24e9951"


def transmitted() -> str:
    return (REPO / "source" / "article.txt").read_text(encoding="utf-8")


def test_article_txt_is_byte_identical_to_the_transmission():
    data = (REPO / "source" / "article.txt").read_bytes()
    assert hashlib.sha256(data).hexdigest() == SEED_SHA256
    seed = REPO.parent / "shared" / "seed" / "000_9044aaf5a609bc06.txt"
    if seed.exists():
        assert data == seed.read_bytes()


def test_whole_article_page_holds_every_block_exactly_in_order(site):
    blocks = transmitted_blocks(site / "article.html")
    lines = [line for line in transmitted().split("\n") if line]
    assert [text for _, text in blocks] == lines


def test_section_pages_together_hold_the_whole_text(site):
    import yaml
    nav = yaml.safe_load((REPO / "mkdocs.yml").read_text())["nav"]
    sections = next(item["Sections"] for item in nav if "Sections" in item)
    texts = []
    for page in sections:
        texts += [text for _, text in transmitted_blocks(site / page.replace(".md", ".html"))]
    assert "\n\n".join(texts) == "\n\n".join(l for l in transmitted().split("\n") if l)


def test_blocks_cover_the_text_with_only_newlines_between_them():
    from edition.load import load_source
    from edition.place import build_edition
    text = transmitted()
    edition = build_edition(load_source(REPO / "source"))
    at = 0
    for block in edition.blocks:
        assert set(text[at:block.start]) <= {"\n"}
        assert text[block.start:block.start + len(block.text)] == block.text
        at = block.start + len(block.text)
    assert at == len(text)


def test_paragraph_ids_follow_the_order_of_the_text(site):
    ids = [block_id for block_id, _ in transmitted_blocks(site / "article.html")]
    numbered = [int(i[1:]) for i in ids if re.fullmatch(r"p\d+", i)]
    assert numbered == list(range(1, len(numbered) + 1))
    assert ids[0] == "title"


def test_the_text_holds_nothing_the_paragraph_transform_would_name():
    """pages/paragraph_names.py turns 'p10' in the editors' words into '¶ 10'; excerpts of the
    transmitted text stand bare on some pages (a mention in context), so the text itself must
    hold no such id, or the transform would change it there."""
    from edition.wording import BLOCK_ID
    assert not BLOCK_ID.search((REPO / "source" / "article.txt").read_text(encoding="utf-8"))
