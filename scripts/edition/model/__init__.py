"""Typed, immutable data passed between the pipeline's stages.

The records of `source/` are declared once, as frozen pydantic models (`declared`, `fields`,
`text`, `bibliography`, `apparatus`; the annotations are their kinds', in kinds/); what the stages
make of them are frozen dataclasses (`text`: blocks and sections; `edition`: the whole, as
loaded and as placed, and the downloads). Every record is importable from here.
"""
from .apparatus import (Change, Comparison, Count, FigureRef, GlossaryTerm, QuotationWitness,
                        Record, RecordEntry, ReviewEntry, Shift, SourceEntry, TextWitness,
                        Translation, Version, Witnesses)
from .bibliography import ArticleRecord, Bibliography, EditionRecord, Person
from .declared import Declared, Evidence, Statement, Translated, TranslatedStatement
from .edition import Artefact, Edition, Source, Span
from .located import Located
from .text import Anchor, Block, BlockKind, Decision, Entity, Event, Opening, Section, Structure

__all__ = ["Anchor", "Artefact", "ArticleRecord", "Bibliography",
           "Block", "BlockKind", "Change", "Comparison", "Count", "Decision", "Declared",
           "Edition", "EditionRecord", "Entity", "Event", "Evidence", "FigureRef",
           "GlossaryTerm", "Located", "Opening", "Person", "QuotationWitness", "Record",
           "RecordEntry", "ReviewEntry", "Section", "Shift", "Source", "SourceEntry", "Span",
           "Statement", "Structure", "TextWitness", "Translated", "TranslatedStatement",
           "Translation", "Version", "Witnesses"]

