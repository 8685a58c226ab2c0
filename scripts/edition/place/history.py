"""What the ledger's version lines say: for each version, the fingerprint of each anchor's
text and apparatus; from them, what each version changed and added, and since which version
each anchor is as it is now."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Edition
from .ledger import version_key


@dataclass(frozen=True)
class AnchorHistory:
    versions: tuple[str, ...] = ()  # every version of versions.yml, oldest first
    recorded: dict[str, dict[str, str]] = field(default_factory=dict)  # version → url → print
    live: dict[str, str] = field(default_factory=dict)  # url → fingerprint of this build

    @property
    def current(self) -> str:
        return self.versions[-1] if self.versions else ""

    def known(self, version: str) -> bool:
        """Whether the ledger holds the fingerprints of `version` (the current one always is:
        this build's own are used)."""
        return version == self.current or version in self.recorded

    def prints(self, version: str) -> dict[str, str]:
        return self.live if version == self.current else self.recorded.get(version, {})

    def previous(self, version: str) -> str:
        index = self.versions.index(version)
        return self.versions[index - 1] if index else ""

    def added(self, version: str) -> list[str]:
        """The anchors first published in `version` ([] when it or its predecessor is unknown)."""
        before = self.previous(version)
        if not self.known(version) or (before and not self.known(before)):
            return []
        return sorted(set(self.prints(version)) - set(self.prints(before) if before else ()))

    def withdrawn(self, version: str) -> list[str]:
        """The anchors `version` no longer publishes that its predecessor did (retired in the
        ledger with their reason: `edition anchors --remove`)."""
        before = self.previous(version)
        if not before or not self.known(version) or not self.known(before):
            return []
        return sorted(set(self.prints(before)) - set(self.prints(version)))

    def changed(self, version: str) -> list[str]:
        """The anchors whose text or apparatus `version` changed."""
        before = self.previous(version)
        if not before or not self.known(version) or not self.known(before):
            return []
        old, new = self.prints(before), self.prints(version)
        return sorted(url for url in new if url in old and old[url] != new[url])

    def since(self, url: str) -> tuple[str, str]:
        """(the version that first published `url`, the earliest version from which it is as
        now), both among the known versions; '' for an anchor this build does not publish."""
        if url not in self.live:
            return "", ""
        known = [v for v in self.versions if self.known(v)]
        first = next((v for v in known if url in self.prints(v)), self.current)
        same = self.current
        for version in reversed(self.versions):
            if not self.known(version) or self.prints(version).get(url) != self.live[url]:
                break
            same = version
        return first, same


def history(edition: Edition, versions: tuple, live: dict[str, str]) -> AnchorHistory:
    numbers = tuple(v.version for v in edition.source.versions) or \
        (edition.bibliography.edition.version,)
    recorded: dict[str, dict[str, str]] = {}
    for line in sorted(versions, key=lambda v: version_key(v.version)):
        recorded.setdefault(line.version, {})[line.url] = line.fingerprint
    return AnchorHistory(numbers, recorded, live)
