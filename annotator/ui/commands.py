"""What the window's keys and menus do: each command reads the session, runs one facade
operation through the op runner, and leaves the announcing to it. No command updates a
view: the views follow the session."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from annotator.session import Session
from annotator.text import move_boundary, trim_prefix
from annotator.ui.article_view import ArticleView
from annotator.ui.choice_prompt import ChoicePrompt
from annotator.ui.document_list import DocumentList
from annotator.ui.op_runner import OpRunner


class Commands(QObject):
    message = Signal(str, int)  # a status line for the analyst, and how long to show it

    def __init__(self, session: Session, runner: OpRunner, view: ArticleView,
                 documents: DocumentList, lang: str) -> None:
        super().__init__(view)
        self.session = session
        self.runner = runner
        self.view = view
        self.documents = documents
        self.lang = lang

        self.prompt: ChoicePrompt | None = None  # set by the window once its keys exist

    def _refuse(self, text: str) -> None:
        self.runner.refused.emit(text)

    def _close_prompt(self) -> None:
        if self.prompt is not None:
            self.prompt.close()

    # --- values from the keyboard ----------------------------------------------------------

    def prompt_attributes(self, span_id: str, index: int = 0, *, chain: bool = False) -> None:
        """Offer the values of the span's attribute number `index` on the digit keys; with
        `chain`, the next attribute follows once one is chosen."""
        span = self.session.spans.get(span_id)
        label = self.session.project.scheme.label(span.label) if span else None
        if self.prompt is None or label is None or index >= len(label.attributes):
            return
        attr = label.attributes[index]
        name = attr.name_ar if self.lang == "ar" else attr.name_en

        def chosen(value: str) -> None:
            self.set_attribute(span_id, attr.id, value)
            if chain:
                self.prompt_attributes(span_id, index + 1, chain=True)

        self.prompt.offer(f"{label.name(self.lang)} · {name}",
                          [(c.id, c.name(self.lang)) for c in attr.choices], chosen)

    def edit_attributes(self) -> None:
        if self.session.selected is None:
            self._refuse(self.tr("Select a span first"))
            return
        self.prompt_attributes(self.session.selected, chain=True)

    def prompt_doc_field(self, field_id: str) -> None:
        field = self.session.project.scheme.doc_field(field_id)
        if self.prompt is None or field is None or self.session.doc is None:
            return
        self.prompt.offer(field.name(self.lang), [(c.id, c.name(self.lang))
                                                  for c in field.choices],
                          lambda value: self.set_doc_field(field_id, value))

    # --- labels ----------------------------------------------------------------------------

    def apply_label(self, label: str) -> None:
        session = self.session
        if session.doc is None:
            return
        if session.pending:
            session.cancel_link()
        doc_id = session.doc.id
        if self.view.textCursor().hasSelection():
            rng = self.view.selected_range()
            if rng is None:
                self._refuse(self.tr("The selection holds only whitespace"))
                return
            changes = self.runner.run(lambda p: p.add_span(doc_id, rng[0], rng[1], label))
            if changes and changes.created:
                session.select(changes.created)
                # Its first attribute, by digit; selecting other text closes the offer.
                self.prompt_attributes(changes.created)
        elif session.selected:
            self.set_label(session.selected, label)
        else:
            self._refuse(self.tr("Select some text first, then press a label key"))

    def set_label(self, span_id: str, label: str) -> None:
        self.runner.run(lambda p: p.update_span(span_id, label=label))

    def set_note(self, span_id: str, note: str) -> None:
        self.runner.run(lambda p: p.update_span(span_id, note=note))

    def set_attribute(self, span_id: str, attr: str, value: str) -> None:
        span = self.session.spans.get(span_id)
        if span is None:
            return
        current = dict(span.attributes)
        current[attr] = value or None
        self.runner.run(lambda p: p.update_span(span_id, attributes=current))

    def delete_selected(self) -> None:
        self._close_prompt()
        if self.session.selected:
            span_id = self.session.selected
            self.runner.run(lambda p: p.delete_span(span_id))

    def delete_relation(self, relation_id: str) -> None:
        self.runner.run(lambda p: p.delete_relation(relation_id))

    def trim_prefix(self) -> None:
        """Drop an attached prefix from the selected span's start: the article ال, else
        one of ب و ف ل ك (بالولايات, then الولايات, then ولايات)."""
        self._close_prompt()
        session = self.session
        span = session.spans.get(session.selected or "")
        if span is None or session.doc is None:
            self._refuse(self.tr("Select a span first"))
            return
        new = trim_prefix(session.doc.text, span.start, span.end)
        if new is None:
            self._refuse(self.tr("The span starts with no prefix to trim"))
            return
        self.runner.run(lambda p: p.update_span(span.id, start=new))

    def move_boundary(self, *, start: bool, screen_left: bool) -> None:
        self._close_prompt()
        session = self.session
        span = session.spans.get(session.selected or "")
        if span is None or session.doc is None:
            return
        # Left on screen is later in reading order in a right-to-left paragraph.
        forward = screen_left == self.view.is_right_to_left_at(span.start)
        pos = span.start if start else span.end
        new = move_boundary(session.doc.text, pos, forward=forward, grow=forward != start)
        if start:
            self.runner.run(lambda p: p.update_span(span.id, start=new))
        else:
            self.runner.run(lambda p: p.update_span(span.id, end=new))

    # --- the document ----------------------------------------------------------------------

    def set_doc_field(self, field_id: str, value: str) -> None:
        if self.session.doc:
            doc_id = self.session.doc.id
            self.runner.run(lambda p: p.set_doc_label(doc_id, field_id, value or None))

    def mark_done(self) -> None:
        self._close_prompt()
        if self.session.doc:
            doc_id = self.session.doc.id
            self.runner.run(lambda p: p.set_status(doc_id, "done"))

    def done_and_next(self) -> None:
        self.mark_done()
        self.documents.step(1)

    def next_not_done(self) -> None:
        if not self.documents.step_to(lambda doc: doc.status != "done"):
            self.message.emit(self.tr("Every document after this one is done"), 4000)

    def undo(self) -> None:
        self._close_prompt()
        self.runner.run(lambda p: p.undo())

    def redo(self) -> None:
        self._close_prompt()
        self.runner.run(lambda p: p.redo())

    # --- linking ---------------------------------------------------------------------------

    def link_to_proposed(self) -> None:
        """One key: link the selected span to the nearest span its first possible link
        type may point to (a claim to the nearest actor: SAID_BY)."""
        self._close_prompt()
        session = self.session
        head = session.spans.get(session.selected or "")
        if head is None:
            self._refuse(self.tr("Select the span the link starts from first"))
            return
        for relation in session.project.scheme.relations:
            if head.label not in relation.heads:
                continue
            linked = {r.tail for r in session.relations
                      if r.head == head.id and r.type == relation.id}
            tails = [s for s in session.spans.values() if s.label in relation.tails
                     and s.id != head.id and s.id not in linked]
            if not tails:
                continue
            tail = min(tails, key=lambda s: (abs(s.start - head.start), s.start))
            changes = self.runner.run(lambda p, r=relation, t=tail: p.add_relation(
                r.id, head.id, t.id))
            if changes:
                self.message.emit(f"{relation.name(self.lang)} → "
                                  f"«{session.span_text(tail.id)}»", 4000)
            return
        self._refuse(self.tr("No span here that a link from this one may point to"))

    def on_span_clicked(self, span_id: str) -> None:
        if self.session.pending:
            self.finish_linking(span_id)
        else:
            self.session.select(span_id)

    def start_linking(self, rel_type: str) -> None:
        self._close_prompt()
        session = self.session
        relation = session.project.scheme.relation(rel_type)
        if relation is None or session.doc is None:
            return
        head = session.spans.get(session.selected or "")
        if head is None:
            self._refuse(self.tr("Select the span the link starts from first"))
            return
        if head.label not in relation.heads:
            self._refuse(self.tr("{0} must start at {1}, not {2}").format(
                rel_type, " / ".join(relation.heads), head.label))
            return
        session.start_link(relation, head.id)
        self.message.emit(self.tr(
            "{0}: click the other span, or Tab to step through candidates and Enter to link; "
            "Esc cancels").format(relation.name(self.lang)), 0)

    def pick_step(self, delta: int) -> None:
        pending = self.session.pending
        if pending and pending.step(delta):
            self.session.pending_changed.emit(pending)

    def pick_confirm(self) -> None:
        pending = self.session.pending
        if pending and pending.current:
            self.finish_linking(pending.current.id)

    def cancel_linking(self, message: str | None = None) -> None:
        if self.session.pending:
            self.session.cancel_link()
            if message:
                self.message.emit(message, 3000)

    def finish_linking(self, tail_id: str) -> None:
        pending = self.session.pending
        assert pending is not None
        self.session.cancel_link()
        changes = self.runner.run(lambda p: p.add_relation(pending.relation.id,
                                                           pending.head.id, tail_id))
        self.session.select(pending.head.id)
        if changes:
            self.message.emit(changes.description, 4000)
