"""The window's tabs for finding and reviewing: Search, Annotations and Review, with the
Review menu, their status lines and the agreement dashboard. Built here so that the main
window stays a layout."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from annotator.ui.agreement_dialog import AgreementDialog
from annotator.ui.annotation_search_panel import AnnotationSearchPanel
from annotator.ui.review_panel import ReviewPanel
from annotator.ui.search_panel import SearchPanel

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow


def build_finder_tabs(window: MainWindow) -> None:
    session, documents = window.session, window.documents
    window.search_panel = SearchPanel(session, window.view, window.runner, window.lang,
                                      documents.choose)
    window.tabs.addTab(window.search_panel, QCoreApplication.translate("MainWindow", "Search"))
    window.annotation_search = AnnotationSearchPanel(session, window.lang, documents.choose)
    window.tabs.addTab(window.annotation_search,
                       QCoreApplication.translate("MainWindow", "Annotations"))
    window.review_panel = ReviewPanel(session, window.runner, documents, window.lang)
    window.tabs.addTab(window.review_panel, QCoreApplication.translate("MainWindow", "Review"))


def connect_finder_tabs(window: MainWindow) -> None:
    show = window.statusBar().showMessage
    for panel in (window.search_panel, window.annotation_search, window.review_panel):
        panel.status.connect(show)
    menu = window.menuBar().insertMenu(window.menus["Help"].menuAction(), _review_menu(window))
    del menu
    review = window.review_panel

    def open_dashboard() -> None:
        dialog = AgreementDialog(session=window.session, parent=window)
        dialog.open_document.connect(window.documents.choose)
        window.agreement_dialog = dialog
        dialog.show()

    review.agreement_requested.connect(open_dashboard)
    review.toggle.toggled.connect(
        lambda on: window.tabs.setCurrentWidget(review) if on else None)


def _review_menu(window: MainWindow):
    from PySide6.QtWidgets import QMenu

    menu = QMenu(QCoreApplication.translate("MainWindow", "&Review"), window)
    for action in window.review_panel.actions.values():
        window.addAction(action)
        menu.addAction(action)
    return menu
