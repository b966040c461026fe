"""The status bar's length target: over target is visible (red bar, "over" in the text), not only
a full blue bar; and an empty new section adds nothing to the counts."""

from __future__ import annotations

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QStatusBar

from newsdesk.gui.status import CountsStatus, LengthTarget
from newsdesk.model.counts import Counts

_KEEP = []  # the status bar must outlive the test's CountsStatus


def _status(qtbot) -> CountsStatus:
    bar = QStatusBar()
    _KEEP[:] = [bar]
    qtbot.addWidget(bar)
    bar.resize(900, 30)
    bar.show()
    qtbot.waitExposed(bar)
    return CountsStatus(bar)


def _red_share(widget) -> float:
    """Share of the bar's pixels that are clearly red."""
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    red = total = 0
    for y in range(2, image.height() - 2, 2):
        for x in range(2, image.width() - 2, 2):
            colour = image.pixelColor(x, y)
            total += 1
            red += colour.red() > 150 and colour.green() < 90 and colour.blue() < 90
    return red / max(total, 1)


def test_over_target_turns_the_bar_red_and_says_by_how_much(qtbot):
    status = _status(qtbot)
    status.set_target(LengthTarget("characters", 4000))
    status.show_counts(None, Counts(600, 3900))
    assert not status.over_target and "over" not in status.progress.format()
    assert _red_share(status.progress) < 0.05
    status.show_counts(None, Counts(700, 4782))
    assert status.over_target
    assert status.progress.format().endswith(" characters (782 over)")
    assert _red_share(status.progress) > 0.3
    status.show_counts(None, Counts(650, 3990))  # back under: blue again
    assert not status.over_target and _red_share(status.progress) < 0.05
