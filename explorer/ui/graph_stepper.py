"""Play, pause, step and reset controls for replaying a recorded backward pass."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

# Time between steps while playing.
PLAY_INTERVAL_MS = 800


class BackwardStepper(QWidget):
    """Moves through the steps of an `explorer.autograd.trace.BackwardTrace`.

    `position` is None before the user starts a replay (the view shows the
    graph after backward()), 0 before the first step, and k once the
    engine's k-th node has run. `position_changed` carries each new position.
    """

    position_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._trace = None
        self._position: int | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(PLAY_INTERVAL_MS)
        self._timer.timeout.connect(self._on_timer_timeout)

        self.reset_button = QToolButton(self)
        self.back_button = QToolButton(self)
        self.play_button = QToolButton(self)
        self.play_button.setCheckable(True)
        self.forward_button = QToolButton(self)
        self.title = QLabel(self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.reset_button.clicked.connect(self.reset)
        self.back_button.clicked.connect(self.step_back)
        self.forward_button.clicked.connect(self.step_forward)
        self.play_button.toggled.connect(self._on_play_button_toggled)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        for button in (self.reset_button, self.back_button, self.play_button, self.forward_button):
            layout.addWidget(button)
        layout.addWidget(self.status, 1)
        self.retranslate()
        self.set_trace(None)

    @property
    def position(self) -> int | None:
        return self._position

    @property
    def step_count(self) -> int:
        return 0 if self._trace is None else len(self._trace.steps)

    def set_interval(self, milliseconds: int) -> None:
        """Set the time between steps while playing."""
        self._timer.setInterval(milliseconds)

    def is_playing(self) -> bool:
        return self._timer.isActive()

    def retranslate(self) -> None:
        self.title.setText(self.tr("backward() replay:"))
        self.reset_button.setText(self.tr("Reset"))
        self.back_button.setText(self.tr("Step back"))
        self.back_button.setToolTip(self.tr("Step back (Ctrl+Left)"))
        self.forward_button.setText(self.tr("Step"))
        self.forward_button.setToolTip(self.tr("Run the next node (Ctrl+Right)"))
        self.play_button.setText(self.tr("Pause") if self.play_button.isChecked() else self.tr("Play"))
        self._update_status()

    def set_trace(self, trace) -> None:
        self.pause()
        self._trace = trace if trace is not None and trace.steps else None
        self._position = None
        enabled = self._trace is not None
        for button in (self.reset_button, self.back_button, self.play_button, self.forward_button):
            button.setEnabled(enabled)
        self._update_status()

    def current_step(self):
        if self._trace is None or not self._position:
            return None
        return self._trace.steps[self._position - 1]

    @Slot()
    def reset(self) -> None:
        self.pause()
        self._move_to(0)

    @Slot()
    def step_forward(self) -> None:
        if self._trace is None:
            return
        current = 0 if self._position is None else self._position
        if current < self.step_count:
            self._move_to(current + 1)
        else:
            self.pause()

    @Slot()
    def step_back(self) -> None:
        if self._trace is None:
            return
        current = self.step_count if self._position is None else self._position
        self._move_to(max(current - 1, 0))

    @Slot()
    def play(self) -> None:
        if self._trace is None:
            return
        if self._position is None or self._position >= self.step_count:
            self._move_to(0)
        self.play_button.setChecked(True)

    @Slot()
    def pause(self) -> None:
        self.play_button.setChecked(False)

    @Slot(bool)
    def _on_play_button_toggled(self, checked: bool) -> None:
        if checked and self._trace is not None:
            if self._position is None or self._position >= self.step_count:
                self._move_to(0)
            self._timer.start()
        else:
            self._timer.stop()
        self.play_button.setText(self.tr("Pause") if checked else self.tr("Play"))

    @Slot()
    def _on_timer_timeout(self) -> None:
        self.step_forward()
        if self._position is not None and self._position >= self.step_count:
            self.pause()

    def _move_to(self, position: int) -> None:
        self._position = position
        self._update_status()
        self.position_changed.emit(position)

    def _update_status(self) -> None:
        if self._trace is None:
            self.status.setText(self.tr("no backward() recorded for this graph"))
            return
        total = len(self._trace.steps)
        if self._position is None:
            self.status.setText(self.tr("{count} steps recorded; press Step or Play").format(count=total))
        elif self._position == 0:
            self.status.setText(self.tr("before backward(): step 0 of {count}").format(count=total))
        else:
            step = self._trace.steps[self._position - 1]
            self.status.setText(
                self.tr("step {index} of {count}: the engine runs {name}").format(
                    index=self._position, count=total, name=step.name
                )
            )
