"""Typed, immutable data passed between the pipeline's stages (frozen records).

`text`: the text and what is said about it; `apparatus`: what stands beside it (sources
consulted, the later record, versions, witnesses); `edition`: the whole, as loaded and as
placed, and the downloads. Every record is importable from here.
"""
from .apparatus import (Change, Comparison, Count, FigureRef, QuotationWitness, Record,
                        RecordEntry, SourceEntry, TextWitness, Version, Witnesses)
from .edition import Artefact, Edition, Source, Span
from .text import (Anchor, Annotation, AnnotationType, ArticleRecord, Bibliography, Block,
                   BlockKind, Decision, EditionRecord, Entity, Event, Located, Person, Section,
                   Structure)

__all__ = ["Anchor", "Annotation", "AnnotationType", "Artefact", "ArticleRecord", "Bibliography",
           "Block", "BlockKind", "Change", "Comparison", "Count", "Decision", "Edition",
           "EditionRecord", "Entity", "Event", "FigureRef", "Located", "Person",
           "QuotationWitness", "Record", "RecordEntry", "Section", "Source", "SourceEntry",
           "Span", "Structure", "TextWitness", "Version", "Witnesses"]
