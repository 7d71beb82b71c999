"""Edit › Preferences: the comparison options, view mode, text size, file size limit,
boilerplate, the story threshold.

The dialog edits a copy of the settings and hands back a new frozen Settings on OK; the window
saves it and recomputes. It never writes settings itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields, replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from variorum.core.options import CompareOptions
from variorum.core.settings import MAX_TEXT_SIZE, MIN_TEXT_SIZE, Settings
from variorum.present.describe import OPTION_LABELS

VIEW_MODE_LABELS = {"inline": "Inline", "side_by_side": "Side by side"}


class PreferencesDialog(QDialog):
    settings_accepted = Signal(object)
    """The new Settings, emitted on OK."""

    def __init__(
        self,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        pipelines: Sequence[str] = (),
    ) -> None:
        """``pipelines``: installed English spaCy pipelines, the preferred one first."""
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle("Preferences")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._settings = settings

        compare_box = QGroupBox("What counts as a change", self)
        compare_layout = QVBoxLayout(compare_box)
        self.option_boxes: dict[str, QCheckBox] = {}
        for f in fields(CompareOptions):
            box = QCheckBox(OPTION_LABELS.get(f.name, f.name.replace("_", " ")), compare_box)
            box.setObjectName(f"option_{f.name}")
            box.setChecked(bool(getattr(settings.compare, f.name)))
            compare_layout.addWidget(box)
            self.option_boxes[f.name] = box

        self.view_mode = QComboBox(self)
        self.view_mode.setObjectName("viewMode")
        for mode, label in VIEW_MODE_LABELS.items():
            self.view_mode.addItem(label, mode)
        self.view_mode.setCurrentIndex(max(0, self.view_mode.findData(settings.view_mode)))

        self.size_limit = QSpinBox(self)
        self.size_limit.setObjectName("sizeLimit")
        self.size_limit.setRange(1, 2048)
        self.size_limit.setSuffix(" MB")
        self.size_limit.setValue(settings.size_limit_mb)

        self.text_size = QSpinBox(self)
        self.text_size.setObjectName("textSize")
        self.text_size.setRange(MIN_TEXT_SIZE - 1, MAX_TEXT_SIZE)
        self.text_size.setSpecialValueText("System default")  # the minimum stands for 0
        self.text_size.setSuffix(" pt")
        self.text_size.setValue(settings.text_size or MIN_TEXT_SIZE - 1)
        self.text_size.setToolTip(
            "Size of the compared text; View › Zoom In / Zoom Out (Ctrl++ / Ctrl+-) change it "
            "too, and Actual Size (Ctrl+0) goes back to the system's."
        )

        self.show_boilerplate = QCheckBox("Show boilerplate set aside by the loader", self)
        self.show_boilerplate.setObjectName("showBoilerplate")
        self.show_boilerplate.setChecked(settings.show_boilerplate)

        self.pipeline = QComboBox(self)
        self.pipeline.setObjectName("spacyModel")
        best = f"Best installed ({pipelines[0]})" if pipelines else "Best installed (none found)"
        self.pipeline.addItem(best, "")
        for name in pipelines:
            self.pipeline.addItem(name, name)
        if settings.spacy_model and self.pipeline.findData(settings.spacy_model) < 0:
            self.pipeline.addItem(f"{settings.spacy_model} (not installed)", settings.spacy_model)
        self.pipeline.setCurrentIndex(max(0, self.pipeline.findData(settings.spacy_model)))
        self.pipeline.setToolTip(
            "The spaCy pipeline that finds speakers, people and organizations. An official "
            "en_core_web_* pipeline is preferred when installed."
        )

        self.story_threshold = QDoubleSpinBox(self)
        self.story_threshold.setObjectName("storyThreshold")
        self.story_threshold.setRange(0.05, 1.0)
        self.story_threshold.setSingleStep(0.05)
        self.story_threshold.setDecimals(2)
        self.story_threshold.setValue(settings.story_threshold)
        self.story_threshold.setToolTip(
            "How alike two articles must be (shared wording, or for a rewrite shared quotes, "
            "names and facts; 0.05-1.00) to be versions of one story. Lower groups more "
            "loosely. Your own moves, splits and merges always win."
        )

        form = QFormLayout()
        form.addRow("View:", self.view_mode)
        form.addRow("Text size:", self.text_size)
        form.addRow("Language model:", self.pipeline)
        form.addRow("Largest file to load:", self.size_limit)
        form.addRow("Story threshold:", self.story_threshold)
        form.addRow("", self.show_boilerplate)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults,
            self,
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        restore = buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        restore.clicked.connect(self._restore_defaults)

        layout = QVBoxLayout(self)
        layout.addWidget(compare_box)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def result_settings(self) -> Settings:
        options = CompareOptions(
            **{name: box.isChecked() for name, box in self.option_boxes.items()}
        )
        return replace(
            self._settings,
            compare=options,
            view_mode=str(self.view_mode.currentData()),
            size_limit_mb=self.size_limit.value(),
            show_boilerplate=self.show_boilerplate.isChecked(),
            spacy_model=str(self.pipeline.currentData()),
            text_size=self.text_size.value() if self.text_size.value() >= MIN_TEXT_SIZE else 0,
            story_threshold=round(self.story_threshold.value(), 2),
        )

    def accept(self) -> None:
        self.settings_accepted.emit(self.result_settings())
        super().accept()

    def _restore_defaults(self) -> None:
        defaults = Settings()
        for name, box in self.option_boxes.items():
            box.setChecked(bool(getattr(defaults.compare, name)))
        self.view_mode.setCurrentIndex(max(0, self.view_mode.findData(defaults.view_mode)))
        self.size_limit.setValue(defaults.size_limit_mb)
        self.show_boilerplate.setChecked(defaults.show_boilerplate)
        self.text_size.setValue(defaults.text_size or MIN_TEXT_SIZE - 1)
        self.pipeline.setCurrentIndex(max(0, self.pipeline.findData(defaults.spacy_model)))
        self.story_threshold.setValue(defaults.story_threshold)
