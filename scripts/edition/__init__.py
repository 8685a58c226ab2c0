"""A scholarly digital edition of "Bolivia - Insurrection in La Paz" (14 October 2003).

Stages, one module each, data flowing one way:
load (read and validate source/) → structure and place (blocks, sections, spans)
→ pages (Markdown for docs/) → mkdocs_site (HTML into site/) → export (artefacts).
"""
