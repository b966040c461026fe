"""What the press code asks a page to show, measured on the rendered page: no layout may hide it.

A house layout or the user's stylesheet could hide a photo's credit, its copyright notice, a
symbol image's disclaimer or an opinion section's label, by accident or on purpose. The check
renders the page in Chromium (the window's hidden page, or the command line's offscreen engine:
gui/check/layout_check.py), as a screen shows it in light and dark and as it prints, and runs
MEASURE_SCRIPT there, in a world of its own (the page's own
scripts stay off). For each such label it reads the computed style and the box of its text and
reports the first way it is invisible:

    display-none        display: none (on it or a parent), nothing rendered
    visibility-hidden   visibility: hidden or collapse
    opacity             opacity (its own times its parents') below 0.1
    transparent-colour  a colour with no alpha, or text drawn in its background's colour
    tiny                font size below MIN_FONT_PX, or the text's box almost nothing
    clipped             cut away by a clip, a clip-path or a parent's overflow
    off-page            moved outside the page (negative text-indent, far positioning)

`label_findings(measured)` turns the script's answer into check findings (codes below, errors:
the press code is not optional); the window words them (gui/check/finding_messages.py).
"""

from __future__ import annotations

import json
from typing import Any

from newsdesk.model.preflight import Finding

MIN_FONT_PX = 6
# Label kind -> (CSS selector on the page, finding code, English name).
LABELS: dict[str, tuple[str, str, str]] = {
    "credit": ("figure[data-image-id] .credit", "credit-invisible", "credit"),
    "copyright": ("figure[data-image-id] .copyright", "copyright-invisible", "copyright notice"),
    "disclaimer": (
        "figure[data-image-id] .disclaimer, figure[data-image-id] .figure-label",
        "disclaimer-invisible",
        "symbol-image disclaimer",
    ),
    "opinion-label": (
        '[data-kind="opinion"] > .section-label',
        "opinion-label-invisible",
        "opinion label",
    ),
}
FINDING_CODES: tuple[str, ...] = tuple(code for _selector, code, _name in LABELS.values())
REASONS: dict[str, str] = {
    "display-none": "display: none",
    "visibility-hidden": "visibility: hidden",
    "opacity": "transparent (opacity)",
    "transparent-colour": "transparent colour or the background's colour",
    "tiny": f"text smaller than {MIN_FONT_PX} px",
    "clipped": "clipped away",
    "off-page": "moved off the page",
}
SKIPPED_CODE = "layout-check-skipped"

MEASURE_SCRIPT_TEMPLATE = r"""
(function () {
  "use strict";
  const labels = __LABELS__;
  const minFont = __MIN_FONT__;
  const skip = __SKIP__;
  function channels(colour) {
    const m = /rgba?\(([^)]*)\)/.exec(colour || "");
    if (!m) return [0, 0, 0, 1];
    const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(parseFloat);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  }
  function luminance(c) {
    const f = (v) => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
  }
  function backdrop(el) {
    for (let e = el; e; e = e.parentElement) {
      const c = channels(getComputedStyle(e).backgroundColor);
      if (c[3] >= 0.5) return c;
    }
    const dark = matchMedia("(prefers-color-scheme: dark)").matches;
    return dark ? [18, 18, 18, 1] : [255, 255, 255, 1];
  }
  function contrast(a, b) {
    const la = luminance(a), lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }
  function tinyClip(value) {
    const rect = /rect\(([^)]*)\)/.exec(value || "");
    if (rect) {
      const v = rect[1].split(/[\s,]+/).map(parseFloat);
      if (v.length === 4 && (v[1] - v[3] < 2 || v[2] - v[0] < 2)) return true;
    }
    const inset = /inset\(\s*([\d.]+)%/.exec(value || "");
    if (inset && parseFloat(inset[1]) >= 50) return true;
    return /(circle|ellipse)\(\s*0(px|%)?[\s)]/.test(value || "");
  }
  function overlap(a, b) {
    const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
    const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
    return w > 0 && h > 0 ? w * h : 0;
  }
  function reason(el) {
    if (el.getClientRects().length === 0) return "display-none";
    const style = getComputedStyle(el);
    if (style.visibility !== "visible") return "visibility-hidden";
    let opacity = 1;
    for (let e = el; e; e = e.parentElement) {
      const s = getComputedStyle(e);
      opacity *= parseFloat(s.opacity);
      if (/opacity\(\s*0*(\.0*)?\s*\)|opacity\(0\.0\d/.test(s.filter)) opacity = 0;
    }
    if (opacity < 0.1) return "opacity";
    if (parseFloat(style.fontSize) < minFont) return "tiny";
    const fill = style.webkitTextFillColor || style.color;
    const colour = channels(fill);
    if (colour[3] < 0.1 || contrast(colour, backdrop(el)) < 1.5) return "transparent-colour";
    const range = document.createRange();
    range.selectNodeContents(el);
    const text = range.getBoundingClientRect();
    if (text.width < 2 || text.height < minFont * 0.75) return "tiny";
    const area = text.width * text.height;
    for (let e = el; e && e !== document.documentElement; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (tinyClip(s.clip) || tinyClip(s.clipPath)) return "clipped";
      if (e !== el && (s.overflowX !== "visible" || s.overflowY !== "visible")) {
        if (overlap(text, e.getBoundingClientRect()) < area * 0.5) return "clipped";
      }
    }
    const main = (document.querySelector("main") || document.body).getBoundingClientRect();
    const page = {
      left: Math.max(0, main.left) - 50, right: Math.min(main.right, innerWidth) + 50,
      top: main.top - 50, bottom: main.bottom + 50,
    };
    if (overlap(text, page) < area * 0.5) return "off-page";
    return "";
  }
  const found = [];
  for (const kind of Object.keys(labels)) {
    for (const el of document.querySelectorAll(labels[kind])) {
      if (skip && el.closest(skip)) continue;
      const why = reason(el);
      if (!why) continue;
      const image = el.closest("[data-image-id]");
      const section = el.closest("[data-section-id]");
      const where = image ? "image:" + image.getAttribute("data-image-id")
        : section ? "section:" + section.getAttribute("data-section-id") : "page";
      found.push({kind: kind, where: where, reason: why});
    }
  }
  return JSON.stringify(found);
})()
"""

# On paper a photo still to come prints nothing, on purpose (article.css): its labels go with it.
PRINT_SKIP = "figure.missing"


def measure_script(skip: str = "") -> str:
    """MEASURE_SCRIPT, leaving out labels inside what `skip` (a CSS selector) selects."""
    return (
        MEASURE_SCRIPT_TEMPLATE.replace(
            "__LABELS__", json.dumps({kind: sel for kind, (sel, _c, _n) in LABELS.items()})
        )
        .replace("__MIN_FONT__", str(MIN_FONT_PX))
        .replace("__SKIP__", json.dumps(skip))
    )


MEASURE_SCRIPT = measure_script()
PRINT_SCRIPT = measure_script(PRINT_SKIP)


def label_findings(measured: Any) -> list[Finding]:
    """The script's answer (its JSON text, or the list) as findings, one per place and label;
    an answer of another shape gives none (a page the check could not read hides nothing)."""
    if isinstance(measured, str):
        try:
            measured = json.loads(measured)
        except ValueError:
            return []
    if not isinstance(measured, list):
        return []
    findings: list[Finding] = []
    seen: set[tuple[str, str]] = set()
    for item in measured:
        if not isinstance(item, dict):
            continue
        kind, where, reason = item.get("kind"), item.get("where"), item.get("reason")
        if kind not in LABELS or reason not in REASONS or not isinstance(where, str):
            continue
        if (kind, where) in seen:  # a disclaimer and its label hidden together: one finding
            continue
        seen.add((kind, where))
        _selector, code, name = LABELS[kind]
        place = _place_name(where)
        findings.append(
            Finding(
                "error",
                code,
                f"{place}: the page layout hides the {name} ({REASONS[reason]}); the press code "
                "asks readers to see it",
                where,
                details={"reason": reason},
            )
        )
    return findings


def skipped_finding(reason: str) -> Finding:
    """The command line could not start the web engine: the layout was not checked."""
    return Finding(
        "warning",
        SKIPPED_CODE,
        f"the page layout was not checked for hidden credits and labels: {reason}",
        "layout",
        details={"reason": reason},
    )


def _place_name(where: str) -> str:
    kind, _sep, ident = where.partition(":")
    if kind == "image":
        return f"the image {ident!r}"
    if kind == "section":
        return f"the section {ident!r}"
    return "the page"
