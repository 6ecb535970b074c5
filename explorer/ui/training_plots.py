"""Live plots of a training run: loss, weights and bias, and the fit.

The tab appends each batch of progress to bounded `DecimatedSeries` and calls
`redraw()` from its 30 Hz timer, so the curves are created once per run and
only get new data. Hovering a plot shows the values under the cursor.

Everything here runs in the GUI thread, and its Python work holds the GIL that
the training thread needs between torch operations. So the live redraw stays
lean. The loss curve is a plain `QGraphicsPathItem`, which Qt paints without
calling back into Python, and the other plots redraw less often.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, Qt, Slot
from PySide6.QtGui import QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QSplitter, QVBoxLayout, QWidget

from explorer.training import DecimatedSeries
from explorer.training.history import min_max_decimate

# Rows kept for each plot; DecimatedSeries thins older rows beyond this.
LOSS_PLOT_POINTS = 4096
PARAMETER_PLOT_POINTS = 2048
# Curves and labels beyond this many weights would be unreadable.
MAX_SHOWN_WEIGHTS = 8
# Log-scale plots cannot show 0; a float32 loss that underflows is drawn at the smallest float32.
LOSS_FLOOR = float(np.finfo(np.float32).tiny)
# Samples shown in the fit plot.
FIT_POINTS = 500
LOSS_COLOR = "#1565c0"
DIVERGENCE_COLOR = "#c62828"
BIAS_COLOR = "#ef6c00"


def weight_color(index: int, shown: int):
    return pg.intColor(index, hues=max(shown, 3), values=1, maxValue=200)


def curve_pen(color) -> QPen:
    """Return the pen of a live curve: width 0, Qt's 1-pixel cosmetic pen.

    Qt draws 1-pixel lines on a fast path, and painting holds the GIL that the
    training thread needs. A frame of a 985 x 263 pixel loss plot took 0.5 ms
    with 1-pixel lines and 2.2 ms with 2-pixel lines (PySide6 6.11). With width
    0 a QGraphicsPathItem's bounds are those of its path, whereas any other
    width makes Qt stroke the whole path to find them.
    """
    return pg.mkPen(color, width=0)


class TrainingPlots(QWidget):
    """The loss, parameter and fit plots of the current run; every method runs in the GUI thread."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._background = self.palette().color(QPalette.ColorRole.Base)
        self._foreground = self.palette().color(QPalette.ColorRole.Text)
        self.loss_series = DecimatedSeries(LOSS_PLOT_POINTS)
        self.parameter_series = DecimatedSeries(PARAMETER_PLOT_POINTS, columns=2)
        # One path item per shown weight, then the bias, drawn like the loss curve.
        self.parameter_curves: list[QGraphicsPathItem] = []
        # Curves that only give the legend its samples: a legend entry draws its line from
        # a pyqtgraph curve's pen, and clicking the entry hides or shows that curve.
        self._legend_samples: list[pg.PlotDataItem] = []
        self._target_lines: list[pg.InfiniteLine] = []
        self._fit_x: np.ndarray | None = None
        self._fit_y: np.ndarray | None = None
        self._weights: np.ndarray | None = None
        self._bias = 0.0
        # The predicted y values (or the fit line's ends) that the fit plot shows now.
        self._fit_shown: np.ndarray | None = None
        self._dirty = False

        self.loss_plot = self._plot("loss_plot")
        loss_item = self.loss_plot.getPlotItem()
        loss_item.setLogMode(x=False, y=True)
        # The curve's path is in the view's coordinates: epochs, and log10 of the loss.
        self.loss_curve = QGraphicsPathItem()
        self.loss_curve.setPen(curve_pen(LOSS_COLOR))
        loss_item.addItem(self.loss_curve, ignoreBounds=True)
        self.divergence_line = pg.InfiniteLine(
            angle=90, movable=False, pen=pg.mkPen(DIVERGENCE_COLOR, width=2, style=Qt.PenStyle.DashLine),
            label="", labelOpts={"position": 0.1, "color": DIVERGENCE_COLOR, "fill": self._background})
        self.divergence_line.hide()
        loss_item.addItem(self.divergence_line, ignoreBounds=True)

        self.parameter_plot = self._plot("parameter_plot")
        self._legend = self.parameter_plot.getPlotItem().addLegend(
            offset=(-10, 10), labelTextColor=self._foreground)

        self.fit_plot = self._plot("fit_plot")
        fit_item = self.fit_plot.getPlotItem()
        self.fit_points = pg.ScatterPlotItem(size=4, pen=None, brush=pg.mkBrush(21, 101, 192, 110))
        fit_item.addItem(self.fit_points)
        self.fit_line = fit_item.plot(pen=pg.mkPen(DIVERGENCE_COLOR, width=2))
        self.identity_line = fit_item.plot(pen=pg.mkPen(self._foreground, style=Qt.PenStyle.DashLine))

        self._hover_texts = {}
        for plot in (self.loss_plot, self.parameter_plot, self.fit_plot):
            text = pg.TextItem(color=self._foreground, fill=pg.mkBrush(self._background), anchor=(0, 1))
            text.hide()
            plot.getPlotItem().addItem(text, ignoreBounds=True)
            self._hover_texts[plot] = text
            plot.scene().sigMouseMoved.connect(lambda position, plot=plot: self._on_plot_mouse_moved(plot, position))

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        for plot in (self.loss_plot, self.parameter_plot, self.fit_plot):
            splitter.addWidget(plot)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.reset(3, (2.0, 2.0, 2.0), 1.0, 10000)
        self.retranslate()

    def _plot(self, name: str) -> pg.PlotWidget:
        plot = pg.PlotWidget(self, background=self._background)
        plot.setObjectName(name)
        item = plot.getPlotItem()
        # No grid: grid lines span the whole plot and are repainted with the axes. With them
        # the training thread ran at about 0.55 of the bare loop's speed, and at about 0.82
        # without them (benchmarks/training_throughput.py on a 2-CPU machine).
        # Long histories: draw at most about one point per pixel, and only what is in view.
        item.setDownsampling(auto=True, mode="peak")
        item.setClipToView(True)
        for axis_name in ("left", "bottom"):
            axis = item.getAxis(axis_name)
            axis.setPen(self._foreground)
            axis.setTextPen(self._foreground)
            # Tick labels are the costliest part of a repaint; cached as a pixmap, they are
            # drawn again only when the axis range changes.
            axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        item.setMenuEnabled(False)
        # The y ranges are set in coarse steps by `_fit_range`: auto-ranging would move the
        # axes on every frame, and repainting their ticks cost most of a frame's time.
        item.enableAutoRange(x=False, y=False)
        plot.setMinimumSize(320, 150)
        return plot

    def retranslate(self) -> None:
        loss_item = self.loss_plot.getPlotItem()
        loss_item.setTitle(self.tr("Loss (MSE, log scale)"))
        loss_item.setLabel("bottom", self.tr("epoch"))
        loss_item.setLabel("left", self.tr("loss"))
        parameter_item = self.parameter_plot.getPlotItem()
        parameter_item.setTitle(self.tr("Weights and bias (dashed: targets)"))
        parameter_item.setLabel("bottom", self.tr("epoch"))
        parameter_item.setLabel("left", self.tr("value"))
        self._set_fit_labels()
        if self.divergence_line.isVisible():
            self.divergence_line.label.setFormat(self.tr("diverged"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _set_fit_labels(self) -> None:
        fit_item = self.fit_plot.getPlotItem()
        if self._one_feature:
            fit_item.setTitle(self.tr("Fit: samples and the line y = w·x + b"))
            fit_item.setLabel("bottom", self.tr("x"))
            fit_item.setLabel("left", self.tr("y"))
        else:
            fit_item.setTitle(self.tr("Fit: predicted against true y (dashed: identity)"))
            fit_item.setLabel("bottom", self.tr("true y"))
            fit_item.setLabel("left", self.tr("predicted y"))

    # Run state

    def reset(self, features: int, true_weights: tuple[float, ...], true_bias: float, epochs: int) -> None:
        """Clear every plot and create the curves of a run; runs once per run, not per redraw."""
        item = self.parameter_plot.getPlotItem()
        for curve in self.parameter_curves:
            item.removeItem(curve)
        for line in self._target_lines:
            item.removeItem(line)
        self._legend.clear()

        shown = min(features, MAX_SHOWN_WEIGHTS)
        self.parameter_curves = []
        self._legend_samples = []
        self._target_lines = []
        targets = [*true_weights[:shown], true_bias]
        colors = [weight_color(index, shown) for index in range(shown)] + [pg.mkColor(BIAS_COLOR)]
        names = [f"w{index + 1}" for index in range(shown)] + ["b"]
        for target, color, name in zip(targets, colors, names):
            curve = QGraphicsPathItem()
            curve.setPen(curve_pen(color))
            item.addItem(curve, ignoreBounds=True)
            self.parameter_curves.append(curve)
            sample = pg.PlotDataItem(pen=curve_pen(color))
            sample.visibleChanged.connect(self._on_legend_sample_visible_changed)
            self._legend.addItem(sample, name)
            self._legend_samples.append(sample)
            line = pg.InfiniteLine(pos=target, angle=0, movable=False,
                                   pen=pg.mkPen(color, width=1, style=Qt.PenStyle.DashLine))
            item.addItem(line)
            self._target_lines.append(line)

        self.parameter_series = DecimatedSeries(PARAMETER_PLOT_POINTS, columns=shown + 1)
        self.loss_series.clear()
        self.loss_curve.setPath(QPainterPath())
        self._one_feature = features == 1
        self._ranges = {}
        self._frames = 0
        self._fit_x = None
        self._fit_y = None
        self._weights = None
        self._fit_shown = None
        self.fit_points.setData([], [])
        self.fit_line.setData([], [])
        self.identity_line.setData([], [])
        self.divergence_line.hide()
        self._set_fit_labels()
        # The epoch axes span the whole run from the start, so curves grow to the right
        # and the axes need not be redrawn as each batch arrives.
        for plot in (self.loss_plot, self.parameter_plot):
            plot.getPlotItem().setXRange(0, epochs, padding=0.02)
        self._fit_range(self.loss_plot, "y", np.array([-1.0, 1.0]))
        self._fit_range(self.parameter_plot, "y", np.array([0.0, *targets]))
        self._dirty = True
        self.redraw()

    def set_data(self, x: np.ndarray, y: np.ndarray) -> None:
        """Keep the first samples of the run's data for the fit plot."""
        self._fit_x = np.asarray(x[:FIT_POINTS], dtype=np.float64)
        self._fit_y = np.asarray(y[:FIT_POINTS], dtype=np.float64)
        self._fit_shown = None
        if self._one_feature:
            self.fit_points.setData(self._fit_x[:, 0], self._fit_y)
            self._fit_range(self.fit_plot, "x", self._fit_x[:, 0])
            self._fit_range(self.fit_plot, "y", self._fit_y)
        else:
            low, high = float(self._fit_y.min()), float(self._fit_y.max())
            self.identity_line.setData([low, high], [low, high])
            self._fit_range(self.fit_plot, "x", self._fit_y)
            self._fit_range(self.fit_plot, "y", np.array([0.0, low, high]))
        self._dirty = True

    def add_progress(self, progress) -> None:
        """Append a TrainingProgress; drawn at the next `redraw()`."""
        self.loss_series.extend(np.arange(progress.first_epoch, progress.epoch + 1), progress.losses)
        shown = self.parameter_series.columns - 1
        parameters = progress.parameters
        self.parameter_series.extend(progress.parameter_epochs,
                                     np.column_stack((parameters[:, :shown], parameters[:, -1])))
        self._weights = np.asarray(progress.weights, dtype=np.float64)
        self._bias = progress.bias
        if progress.divergence is not None:
            self.mark_divergence(progress.divergence.epoch)
        self._dirty = True

    def mark_divergence(self, epoch: int) -> None:
        """Draw a line at the diverging epoch and zoom the epoch axes in on the run so far."""
        # Shown before the text is set: a hidden line's label ignores a new format.
        self.divergence_line.show()
        self.divergence_line.setValue(epoch)
        self.divergence_line.label.setFormat(self.tr("diverged"))
        for plot in (self.loss_plot, self.parameter_plot):
            plot.getPlotItem().setXRange(0, max(epoch * 1.25, 10), padding=0.02)

    @property
    def dirty(self) -> bool:
        return self._dirty

    # Drawing

    def redraw(self, *, full: bool = True) -> None:
        """Draw what has arrived; with `full=False` (the live timer) only every third call draws all plots."""
        self._dirty = False
        self._redraw_loss()

        # The parameter and fit plots change slowly once training is under way, so the
        # live timer redraws them on every third frame. Painting them cost the training
        # thread more than the loss plot, because painting holds the GIL.
        self._frames += 1
        if full or self._frames % 3 == 1:
            self._redraw_parameters()
            self._redraw_fit(skip_subpixel=not full)

    def _redraw_loss(self) -> None:
        epochs, losses = self.loss_series.data()
        losses = losses[:, 0]
        # NaN breaks the curve where a diverging run's loss overflows.
        with np.errstate(invalid="ignore"):
            losses = np.where(np.isfinite(losses), np.maximum(losses, LOSS_FLOOR), np.nan)
        log_losses = np.log10(losses)
        self._fit_range(self.loss_plot, "y", log_losses)
        epochs, log_losses = min_max_decimate(epochs, log_losses, self._pixel_columns(self.loss_plot, epochs))
        self.loss_curve.setPath(pg.arrayToQPath(epochs, log_losses, connect="finite"))

    def _pixel_columns(self, plot: pg.PlotWidget, x: np.ndarray) -> int:
        """Return how many pixel columns of `plot` the values `x` span, at least 1."""
        if len(x) < 2:
            return 1
        view_box = plot.getPlotItem().vb
        low, high = view_box.viewRange()[0]
        if high <= low:
            return 1
        return max(1, int(view_box.width() * (x[-1] - x[0]) / (high - low)))

    def _redraw_parameters(self) -> None:
        epochs, values = self.parameter_series.data()
        columns = self._pixel_columns(self.parameter_plot, epochs)
        for column, curve in enumerate(self.parameter_curves):
            shown_epochs, shown_values = min_max_decimate(epochs, values[:, column], columns)
            curve.setPath(pg.arrayToQPath(shown_epochs, shown_values, connect="finite"))
        targets = [line.value() for line in self._target_lines]
        self._fit_range(self.parameter_plot, "y", np.concatenate((values.ravel(), targets)))

    def _fit_range(self, plot: pg.PlotWidget, axis: str, values: np.ndarray) -> None:
        """Set the axis range to cover the finite `values`, rounded out to a coarse step.

        The range changes only when the rounded bounds do, so the axis and its tick
        labels are repainted a few times per run rather than on every frame.
        """
        finite = values[np.isfinite(values)]
        if len(finite) == 0:
            return
        low, high = float(finite.min()), float(finite.max())
        span = max(high - low, abs(high), abs(low), 1e-12)
        step = 10.0 ** math.floor(math.log10(span)) / 2
        if plot is self.loss_plot:
            step = 1.0  # whole decades on the log scale
        bounds = (math.floor(low / step) * step, math.ceil(high / step) * step)
        if bounds[0] == bounds[1]:
            bounds = (bounds[0] - step, bounds[1] + step)
        key = (plot, axis)
        if self._ranges.get(key) == bounds:
            return
        self._ranges[key] = bounds
        view_box = plot.getPlotItem().vb
        if axis == "x":
            view_box.setXRange(*bounds, padding=0.02)
        else:
            view_box.setYRange(*bounds, padding=0.02)

    def _redraw_fit(self, *, skip_subpixel: bool = False) -> None:
        """Draw the fit for the latest weights.

        With `skip_subpixel`, draw only when a point moves half a pixel or more.
        Once training has converged the fit stays still, and redrawing its 500
        points would cost a repaint of the plot for no visible change.
        """
        if self._fit_x is None or self._weights is None or not np.all(np.isfinite(self._weights)):
            return
        if self._one_feature:
            low, high = float(self._fit_x.min()), float(self._fit_x.max())
            w = float(self._weights[0])
            line_y = np.array([w * low + self._bias, w * high + self._bias])
            if skip_subpixel and self._moves_less_than_half_a_pixel(line_y):
                return
            self.fit_line.setData([low, high], line_y)
            self._fit_range(self.fit_plot, "y", np.concatenate((self._fit_y, line_y)))
            self._fit_shown = line_y
        else:
            predicted = self._fit_x @ self._weights + self._bias
            if skip_subpixel and self._moves_less_than_half_a_pixel(predicted):
                return
            self.fit_points.setData(self._fit_y, predicted)
            self._fit_range(self.fit_plot, "y", np.concatenate((self._fit_y, predicted)))
            self._fit_shown = predicted

    def _moves_less_than_half_a_pixel(self, values: np.ndarray) -> bool:
        """Return True when each y value in `values` is within half a pixel of the shown one."""
        shown_values = self._fit_shown
        view_box = self.fit_plot.getPlotItem().vb
        height = view_box.height()
        if shown_values is None or shown_values.shape != values.shape or height <= 0:
            return False
        low, high = view_box.viewRange()[1]
        # NaN compares False, so a NaN value counts as a move.
        return bool(np.max(np.abs(values - shown_values)) * height < 0.5 * (high - low))

    @Slot()
    def _on_legend_sample_visible_changed(self) -> None:
        sample = self.sender()
        for curve, candidate in zip(self.parameter_curves, self._legend_samples):
            if candidate is sample:
                curve.setVisible(sample.isVisible())

    # Hover

    def hover_text(self, plot: pg.PlotWidget) -> str:
        text = self._hover_texts[plot]
        return text.toPlainText() if text.isVisible() else ""

    def _on_plot_mouse_moved(self, plot: pg.PlotWidget, position: QPointF) -> None:
        item = plot.getPlotItem()
        text = self._hover_texts[plot]
        if not item.sceneBoundingRect().contains(position):
            text.hide()
            return
        point = item.vb.mapSceneToView(position)
        label = self._hover_label(plot, point.x())
        if not label:
            text.hide()
            return
        text.setText(label)
        text.setPos(point)
        text.show()

    def _hover_label(self, plot: pg.PlotWidget, x: float) -> str:
        if plot is self.loss_plot:
            epochs, losses = self.loss_series.data()
            if len(epochs) == 0:
                return ""
            index = _nearest(epochs, x)
            return "\n".join((self.tr("epoch {epoch:,}").format(epoch=int(epochs[index])),
                              self.tr("loss {loss:.4g}").format(loss=float(losses[index, 0]))))
        if plot is self.parameter_plot:
            epochs, values = self.parameter_series.data()
            if len(epochs) == 0:
                return ""
            index = _nearest(epochs, x)
            names = [f"w{column + 1}" for column in range(values.shape[1] - 1)] + ["b"]
            parts = [f"{name} = {value:.5f}" for name, value in zip(names, values[index])]
            return "\n".join([self.tr("epoch {epoch:,}").format(epoch=int(epochs[index])), *parts])
        if self._fit_x is None or self._weights is None:
            return ""
        if self._one_feature:
            y = float(self._weights[0]) * x + self._bias
            return "\n".join((f"x = {x:.3f}", self.tr("fitted y = {y:.3f}").format(y=y)))
        predicted = self._fit_x @ self._weights + self._bias
        index = _nearest_unsorted(self._fit_y, x)
        return "\n".join((self.tr("true y = {true:.3f}").format(true=float(self._fit_y[index])),
                          self.tr("predicted y = {predicted:.3f}").format(predicted=float(predicted[index]))))


def _nearest(sorted_values: np.ndarray, x: float) -> int:
    index = int(np.searchsorted(sorted_values, x))
    if index >= len(sorted_values):
        return len(sorted_values) - 1
    if index > 0 and x - sorted_values[index - 1] < sorted_values[index] - x:
        return index - 1
    return index


def _nearest_unsorted(values: np.ndarray, x: float) -> int:
    return int(np.argmin(np.abs(values - x)))
