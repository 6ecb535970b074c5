"""The settings form of the Training tab: every TrainingConfig field, checked as it is typed."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal, Slot
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QSpinBox, QWidget

from explorer.training import DTYPES, OPTIMIZERS, ConfigError, TrainingConfig, parse_test_input, parse_true_weights
from explorer.training.config import MAX_DATA_VALUES, MAX_EPOCHS

# QSpinBox stores a 32-bit int, so the seed field stops below the largest seed torch accepts.
MAX_SEED_FIELD = 2**31 - 1


class TrainingForm(QGroupBox):
    """The run's settings; `read()` builds a TrainingConfig or lists every problem.

    The test input is not part of this form: the tab's test panel provides it.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        defaults = TrainingConfig()
        self.device = defaults.device
        self.samples_field = self._spin_box("samples_field", 1, MAX_DATA_VALUES, defaults.samples)
        self.features_field = self._spin_box("features_field", 1, MAX_DATA_VALUES, defaults.features)
        self.true_weights_field = QLineEdit(f"{defaults.true_weight:g}", self, objectName="true_weights_field")
        self.true_bias_field = QLineEdit(f"{defaults.true_bias:g}", self, objectName="true_bias_field")
        self.noise_field = QLineEdit(f"{defaults.noise_std:g}", self, objectName="noise_field")
        self.epochs_field = self._spin_box("epochs_field", 1, MAX_EPOCHS, defaults.epochs)
        self.lr_field = QLineEdit(f"{defaults.lr:g}", self, objectName="lr_field")
        self.optimizer_field = QComboBox(self, objectName="optimizer_field")
        for name in OPTIMIZERS:
            self.optimizer_field.addItem("", name)
        self.batch_field = self._spin_box("batch_field", 0, MAX_DATA_VALUES, defaults.batch_size)
        self.seed_field = self._spin_box("seed_field", 0, MAX_SEED_FIELD, defaults.seed)
        self.dtype_field = QComboBox(self, objectName="dtype_field")
        for name in DTYPES:
            self.dtype_field.addItem(name, name)
        self.device_value = QLabel(self.device, self, objectName="device_value")

        for line_edit in (self.true_weights_field, self.true_bias_field, self.noise_field, self.lr_field):
            line_edit.textChanged.connect(self._on_field_changed)
        for combo_box in (self.optimizer_field, self.dtype_field):
            combo_box.currentIndexChanged.connect(self._on_field_changed)

        self._form = QFormLayout(self)
        self._labels = [QLabel(self) for _ in range(12)]
        self._fields = (
            self.samples_field, self.features_field, self.true_weights_field, self.true_bias_field,
            self.noise_field, self.epochs_field, self.lr_field, self.optimizer_field, self.batch_field,
            self.seed_field, self.dtype_field, self.device_value,
        )
        for label, field in zip(self._labels, self._fields):
            label.setBuddy(field)
            self._form.addRow(label, field)
        self.retranslate()

    def _text_fields(self) -> dict[str, QSpinBox | QLineEdit | QComboBox]:
        return {
            "samples": self.samples_field, "features": self.features_field,
            "true_weights": self.true_weights_field, "true_bias": self.true_bias_field,
            "noise": self.noise_field, "epochs": self.epochs_field, "lr": self.lr_field,
            "optimizer": self.optimizer_field, "batch_size": self.batch_field,
            "seed": self.seed_field, "dtype": self.dtype_field,
        }

    def field_texts(self) -> dict[str, str]:
        """Return every setting as text: spin box values, line edit texts, combo box data."""
        texts = {}
        for key, widget in self._text_fields().items():
            if isinstance(widget, QSpinBox):
                texts[key] = str(widget.value())
            elif isinstance(widget, QComboBox):
                texts[key] = str(widget.currentData())
            else:
                texts[key] = widget.text()
        return texts

    def set_field_texts(self, texts: dict[str, str]) -> None:
        """Fill the fields from `texts`; a value a field cannot take leaves that field as it is."""
        for key, widget in self._text_fields().items():
            text = texts.get(key)
            if text is None:
                continue
            if isinstance(widget, QSpinBox):
                if text.strip().isdigit() and widget.minimum() <= int(text) <= widget.maximum():
                    widget.setValue(int(text))
            elif isinstance(widget, QComboBox):
                index = widget.findData(text)
                if index >= 0:
                    widget.setCurrentIndex(index)
            else:
                widget.setText(text)

    def _spin_box(self, name: str, minimum: int, maximum: int, value: int) -> QSpinBox:
        spin_box = QSpinBox(self, objectName=name)
        spin_box.setRange(minimum, maximum)
        spin_box.setValue(value)
        spin_box.setGroupSeparatorShown(True)
        spin_box.valueChanged.connect(self._on_field_changed)
        return spin_box

    def retranslate(self) -> None:
        texts = (
            self.tr("Samples"), self.tr("Features"), self.tr("True weights"), self.tr("True bias"),
            self.tr("Noise std"), self.tr("Epochs"), self.tr("Learning rate"), self.tr("Optimizer"),
            self.tr("Batch size"), self.tr("Seed"), self.tr("dtype"), self.tr("Device"),
        )
        for label, text in zip(self._labels, texts):
            label.setText(text)
        self.setTitle(self.tr("Settings"))
        optimizer_names = (self.tr("SGD"), self.tr("SGD with momentum 0.9"), self.tr("Adam"),
                           self.tr("RMSprop"), self.tr("Adagrad"))
        for index, text in enumerate(optimizer_names):
            self.optimizer_field.setItemText(index, text)
        self.samples_field.setToolTip(self.tr("Number of random samples x drawn from N(0, 1)"))
        self.features_field.setToolTip(self.tr("Number of values in each sample, and of weights to learn"))
        self.true_weights_field.setToolTip(
            self.tr("One weight for every feature, or one per feature separated by commas"))
        self.true_bias_field.setToolTip(self.tr("The bias in y = x @ w + b that the data follows"))
        self.noise_field.setToolTip(self.tr("Standard deviation of the Gaussian noise added to each target y"))
        self.epochs_field.setToolTip(self.tr("Number of passes over all samples"))
        self.lr_field.setToolTip(self.tr("Optimizer step size, such as 0.001 or 1e-3"))
        self.batch_field.setToolTip(
            self.tr("Samples per optimizer step, in a new random order every epoch; 0 means full batch"))
        self.batch_field.setSpecialValueText(self.tr("full batch"))
        self.seed_field.setToolTip(
            self.tr("Seed of the torch.Generator that draws the samples; the global seed is left alone"))
        self.dtype_field.setToolTip(self.tr("Floating-point type of the data, weights and bias"))
        self.device_value.setToolTip(self.tr("Set in the toolbar. A change applies to the next run."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_device(self, device: str) -> None:
        self.device = device
        self.device_value.setText(device)

    def read(self, test_input: tuple[float, ...] | None) -> tuple[TrainingConfig | None, list[str]]:
        """Build a config from the fields; returns it with no errors, or None with every message.

        `test_input` None means the test panel's text did not parse; it has its own message.
        """
        errors: list[str] = []
        features = self.features_field.value()
        # A field that does not parse is replaced by a valid stand-in, so that the
        # other settings are still checked and every problem shows at once.
        lr = self._number(self.lr_field, TrainingConfig.lr, errors,
                          self.tr("Enter a learning rate, such as 0.001."),
                          self.tr("Learning rate {text!r} is not a number. Enter a value such as 0.001."))
        true_bias = self._number(self.true_bias_field, TrainingConfig.true_bias, errors,
                                 self.tr("Enter a true bias, such as 1."),
                                 self.tr("True bias {text!r} is not a number. Enter a value such as 1."))
        noise_std = self._number(self.noise_field, TrainingConfig.noise_std, errors,
                                 self.tr("Enter a noise standard deviation, such as 0 or 0.1."),
                                 self.tr("Noise std {text!r} is not a number. Enter a value such as 0.1."))
        true_weight: float | tuple[float, ...] = TrainingConfig.true_weight
        try:
            true_weight = parse_true_weights(self.true_weights_field.text())
        except ConfigError as error:
            errors += [problem.localized() for problem in error.errors]

        config = TrainingConfig(
            samples=self.samples_field.value(),
            features=features,
            epochs=self.epochs_field.value(),
            lr=lr,
            seed=self.seed_field.value(),
            device=self.device,
            test_input=test_input if test_input is not None else (0.0,) * features,
            true_weight=true_weight,
            true_bias=true_bias,
            noise_std=noise_std,
            optimizer=self.optimizer_field.currentData(),
            batch_size=self.batch_field.value(),
            dtype=self.dtype_field.currentData(),
        )
        # The device comes from the toolbar's list of detected devices; the worker checks it again.
        errors += [problem.localized() for problem in config.validate(include_device=False)]
        if errors or test_input is None:
            return None, errors
        return config, []

    def _number(self, field: QLineEdit, default: float, errors: list[str], empty: str, invalid: str) -> float:
        text = field.text().strip()
        if not text:
            errors.append(empty)
            return default
        try:
            return float(text)
        except ValueError:
            errors.append(invalid.format(text=text))
            return default

    @Slot()
    def _on_field_changed(self) -> None:
        self.changed.emit()
