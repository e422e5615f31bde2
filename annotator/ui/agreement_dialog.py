"""The agreement dashboard: the numbers of `annotator agreement` as tables, and a chart of
span F1 per label (exact and overlap, the mean over pairs). Computed in a worker thread;
a document of the "most disagreements" table opens on a double click."""

from __future__ import annotations

from statistics import fmean

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.review.agreement import AgreementReport, agreement
from annotator.session import Session
from annotator.ui.background import BackgroundTask

BAR_COLORS = {"exact": "#1f77b4", "overlap": "#aec7e8"}


def _f(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


class F1Chart(QWidget):
    """Bars of span F1 per label: exact and overlap side by side, the mean over pairs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumHeight(220)
        self.bars: list[tuple[str, float | None, float | None]] = []

    def show_report(self, report: AgreementReport) -> None:
        labels = [*sorted({s.what for s in report.spans} - {"*"}), "*"]
        self.bars = []
        for label in labels:
            means = []
            for match in ("exact", "overlap"):
                values = [s.f1 for s in report.spans if s.what == label and s.match == match
                          and s.f1 is not None]
                means.append(fmean(values) if values else None)
            self.bars.append((label if label != "*" else self.tr("all"), *means))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        w, h = self.width(), self.height()
        top, bottom, left = 16, h - 28, 36
        painter.drawLine(left, top, left, bottom)
        for k in range(0, 11, 5):
            y = bottom - (bottom - top) * k / 10
            painter.drawText(QRectF(0, y - 8, left - 4, 16),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             f"{k / 10:.1f}")
        if not self.bars:
            return
        slot = (w - left - 8) / len(self.bars)
        for i, (name, exact, overlap) in enumerate(self.bars):
            x = left + 4 + i * slot
            for j, (match, value) in enumerate((("exact", exact), ("overlap", overlap))):
                if value is None:
                    continue
                bar = QRectF(x + j * slot * 0.4, bottom - (bottom - top) * value,
                             slot * 0.38, (bottom - top) * value)
                painter.fillRect(bar, QColor(BAR_COLORS[match]))
            painter.drawText(QRectF(x, bottom + 4, slot * 0.8, 20),
                             Qt.AlignmentFlag.AlignHCenter, name)
        painter.drawText(QRectF(left + 8, 0, w, 16), Qt.AlignmentFlag.AlignLeft,
                         self.tr("span F1, mean over pairs: dark exact, light overlap"))


class AgreementDialog(QDialog):
    open_document = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agreement_dialog")
        self.setWindowTitle(self.tr("Agreement"))
        self.resize(760, 560)
        self.summary = QLabel(self.tr("Computing…"))
        self.summary.setWordWrap(True)
        self.chart = F1Chart()
        self.tables = {name: self._table(columns) for name, columns in (
            ("spans", [self.tr("Pair"), self.tr("Label"), self.tr("Match"), "F1",
                       self.tr("Precision"), self.tr("Recall"), self.tr("Spans")]),
            ("fields", [self.tr("Field"), "α", self.tr("Documents"), "κ"]),
            ("links", [self.tr("Pair"), self.tr("Type"), "F1", self.tr("Precision"),
                       self.tr("Recall")]),
            ("documents", [self.tr("Disagreements"), self.tr("Title")]),
            ("gold", [self.tr("Annotator"), self.tr("Label"), self.tr("Match"), "F1",
                      self.tr("Precision"), self.tr("Recall")]))}
        tabs = QTabWidget()
        titles = {"spans": self.tr("Spans"), "fields": self.tr("Document fields"),
                  "links": self.tr("Links"), "documents": self.tr("Where to start"),
                  "gold": self.tr("Against gold")}
        for name, table in self.tables.items():
            tabs.addTab(table, titles[name])
        column = QVBoxLayout(self)
        column.addWidget(self.summary)
        column.addWidget(self.chart)
        column.addWidget(tabs, 1)
        self.doc_ids: list[str] = []
        self.tables["documents"].cellDoubleClicked.connect(
            lambda row, _c: self.open_document.emit(self.doc_ids[row]))
        self.report: AgreementReport | None = None
        self._task = BackgroundTask.launch(session.project,
                                           lambda p, _tick: agreement(p.database), self,
                                           self.show_report, self.summary.setText)

    def wait(self, timeout: float = 30.0) -> None:
        self._task.wait(timeout)

    @staticmethod
    def _table(columns: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(columns))
        table.setHorizontalHeaderLabels(columns)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def _fill(self, name: str, rows: list[tuple]) -> None:
        table = self.tables[name]
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                table.setItem(r, c, QTableWidgetItem(value if isinstance(value, str)
                                                     else _f(value)))
        table.resizeColumnsToContents()

    def show_report(self, report: AgreementReport) -> None:
        self.report = report
        self.summary.setText(self.tr("{0} over {1} documents annotated by at least two of "
                                     "them. Mean span F1: exact {2}, overlap {3}.").format(
            ", ".join(report.annotators), report.documents, _f(report.mean_f1("*", "exact")),
            _f(report.mean_f1("*", "overlap"))))
        self.chart.show_report(report)
        self._fill("spans", [(f"{s.reference} / {s.prediction}", s.what, s.match, s.f1,
                              s.precision, s.recall,
                              f"{s.reference_count} / {s.predicted_count}")
                             for s in report.spans])
        self._fill("fields", [(f.field, f.alpha, str(f.documents),
                               "  ".join(f"{p} {_f(k)}" for p, k in f.kappa.items()))
                              for f in report.fields])
        self._fill("links", [(f"{s.reference} / {s.prediction}", s.what, s.f1, s.precision,
                              s.recall) for s in report.links])
        self.doc_ids = [d for d, _t, _n in report.disagreements]
        self._fill("documents", [(str(n), t) for _d, t, n in report.disagreements])
        self._fill("gold", [(s.prediction, s.what, s.match, s.f1, s.precision, s.recall)
                            for s in report.against_gold])
