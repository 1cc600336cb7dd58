"""What an event says beyond its brief: entities, timeline, disagreements, additions.

``describe(articles)`` returns :class:`Facts`; every part is rule-based and offline (see each
module's doc): ``entities`` (people, organisations, places, variants merged, salience order),
``timeline`` (dated happenings, relative dates resolved), ``disagreements`` (the same quantity
with different values in different articles) and ``additions`` (numbered facts only one outlet
reports). ``disputed(summary, facts)`` says which summary sentences state a disputed value.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

from bantin.facts.disagreements import Addition, Disagreement, Value, find_additions, find_disagreements
from bantin.facts.document import event_sents
from bantin.facts.entities import Entity, extract_entities
from bantin.facts.timeline import Entry, build_timeline
from bantin.models import Article

__all__ = ["Facts", "describe", "disputed", "to_markdown", "Entity", "Entry", "Disagreement", "Value", "Addition"]


@dataclass(frozen=True)
class Facts:
    entities: tuple[Entity, ...]
    timeline: tuple[Entry, ...]
    disagreements: tuple[Disagreement, ...]
    additions: tuple[Addition, ...]

    def mark(self, sentences: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Summary sentence records with ``disputed`` added where they state a disputed value."""
        for record in sentences:
            found = disputed(record.get("text", ""), self)
            if found:
                record["disputed"] = found
        return sentences

    def to_dict(self) -> dict[str, Any]:
        return {"entities": [e.to_dict() for e in self.entities],
                "timeline": [t.to_dict() for t in self.timeline],
                "disagreements": [d.to_dict() for d in self.disagreements],
                "additions": [a.to_dict() for a in self.additions]}


def describe(articles: Sequence[Article], duplicate_groups: Sequence[Sequence[str]] | None = None) -> Facts:
    """Entities, timeline, disagreements and additions of one event's articles."""
    sents = event_sents(articles)
    published = {a.id: a.published for a in articles}
    return Facts(
        entities=tuple(extract_entities(sents, len(articles))),
        timeline=tuple(build_timeline(sents, published)),
        disagreements=tuple(find_disagreements(sents, duplicate_groups, published)),
        additions=tuple(find_additions(sents, duplicate_groups)),
    )


def disputed(sentence_text: str, facts: Facts) -> list[dict[str, Any]]:
    """The disagreements whose value this (summary) sentence states, with the other values."""
    out = []
    for d in facts.disagreements:
        for v in d.values:
            if any(p and p in sentence_text for p in (v.phrases or (v.text,))):
                others = [o.value for o in d.values if o is not v]
                out.append({"quantity": d.quantity, "value": v.value, "other_values": others})
                break
    return out


def to_markdown(facts: Facts, numbers: dict[str, int], max_entities: int = 12) -> str:
    """Markdown sections for people: disagreements, timeline, people and places ([n] = source number)."""
    def refs(ids) -> str:
        return "".join(f"[{numbers[i]}]" for i in sorted(set(ids), key=lambda i: numbers.get(i, 0)) if i in numbers)

    out: list[str] = []
    if facts.disagreements:
        out += ["## Các nguồn chưa thống nhất", ""]
        for d in facts.disagreements:
            values = "; ".join(f"«{v.text}» {refs(v.articles)}" for v in d.values)
            out.append(f"- {d.quantity}: {values}")
        out.append("")
    if facts.timeline:
        out += ["## Diễn biến", ""]
        out += [f"- {t.date}: {t.text} {refs(t.sources)}" for t in facts.timeline]
        out.append("")
    if facts.entities:
        kinds = (("PER", "Người"), ("ORG", "Tổ chức"), ("LOC", "Địa danh"))
        out += ["## Người, tổ chức, địa danh", ""]
        shown = list(facts.entities[:max_entities])
        for typ, label in kinds:
            names = [e.name + (f" ({e.role})" if e.role else "") for e in shown if e.type == typ]
            if names:
                out.append(f"- {label}: " + ", ".join(names))
        out.append("")
    return "\n".join(out)
