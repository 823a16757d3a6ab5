"""Publication dates in article layouts, normalised to ISO 8601.

Month names, weekday names, labels, 12-hour markers and time-zone
abbreviations come from ``<lang>/layout.toml`` and ``common/layout.toml``
(section ``[dates]`` and ``[timezones]``); the patterns here are only the
shapes (day month year, month day year, ISO).

>>> find_date("Nasional | 12 Maret 2025, 09:15 WITA", "id").value
'2025-03-12T09:15:00+08:00'
>>> find_date("October 11, 2024 3:32 PM ET", "en").value
'2024-10-11T15:32:00-04:00'
>>> find_date("Updated: 2024-10-11T15:32:00+07:00", "en").value
'2024-10-11T15:32:00+07:00'
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Optional
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from graphkit import lang as _lang


@dataclass(frozen=True)
class DateMatch:
    """A date (and maybe time and zone) found in a text: ISO value and span."""

    value: str
    start: int
    end: int


def _alt(words, flags_off: bool = False) -> str:
    ws = sorted({w for w in words if w}, key=len, reverse=True)
    if not ws:
        return r"(?!x)x"
    body = "|".join(re.escape(w) for w in ws)
    return f"(?-i:{body})" if flags_off else f"(?:{body})"


def layout_data(lang: str) -> dict:
    """``common/layout.toml`` merged with ``<lang>/layout.toml``.

    >>> layout_data("id")["timezones"]["WIB"], layout_data("id")["timezones"]["UTC"]
    ('+07:00', '+00:00')
    """
    return _lang._merge(_lang.load("common", "layout"), _lang.load(lang, "layout"))


@dataclass
class _Rules:
    months: dict[str, int]
    zones: dict[str, str]
    am: frozenset[str]
    pm: frozenset[str]
    iso: re.Pattern
    dmy: re.Pattern
    mdy: re.Pattern
    numeric: re.Pattern
    numeric_order: str
    time: re.Pattern
    gap_after: re.Pattern
    gap_before: re.Pattern
    ignorable: re.Pattern
    label: re.Pattern


@lru_cache(maxsize=None)
def rules(lang: str) -> _Rules:
    """Compiled date patterns for one language (cached).

    >>> rules("en").months["oct"]
    10
    """
    data = layout_data(lang)
    d = data.get("dates", {})
    months = {k.lower().rstrip("."): int(v) for k, v in d.get("months", {}).items()}
    zones = {k: str(v) for k, v in data.get("timezones", {}).items()}
    am = [w for w in d.get("am", [])]
    pm = [w for w in d.get("pm", [])]
    mon = rf"(?<![^\W\d_])({_alt(months)})(?![^\W\d_])\.?"
    # "GMT+2" before the bare abbreviation, so that "GMT" alone does not win
    zone = (rf"(?:(?:UTC|GMT)\s*(?P<goff>[+\-\u2212]\d{{1,2}}(?::?\d{{2}})?)(?!\d)"
            rf"|\(?(?P<abbr>{_alt(zones, True)}|{_alt([z for z in zones if len(z) >= 3 and z.isupper()])})"
            r"(?![^\W\d_])\)?"
            r"|(?P<off>[+\-\u2212]\d{2}:?\d{2})(?!\d))")
    ampm = _alt(am + pm)
    fillers = _alt(d.get("fillers", []) + d.get("weekdays", []))
    labels = _alt(d.get("labels", []))
    weekdays = _alt(d.get("weekdays", []))
    return _Rules(
        months=months, zones=zones,
        am=frozenset(w.lower() for w in am), pm=frozenset(w.lower() for w in pm),
        iso=re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?"
                       rf"(?:\.\d+)?(?:\s*{zone})?)?(?!\d)", re.I),
        dmy=re.compile(rf"(?<!\d)(\d{{1,2}})(?:st|nd|rd|th)?\s+{mon},?\s+(\d{{4}})(?!\d)", re.I),
        mdy=re.compile(rf"{mon}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?!\d)", re.I),
        numeric=re.compile(r"(?<![\d/.])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])"),
        numeric_order=str(d.get("numeric_order", "dmy")).lower(),
        time=re.compile(rf"(?<![\d:.])(\d{{1,2}})[:.](\d{{2}})(?:[:.](\d{{2}}))?(?!\d)"
                        rf"(?:\s*(?P<ampm>{ampm})(?![^\W\d_]))?(?:\s*{zone})?", re.I),
        gap_after=re.compile(rf"[\s,|\-–—•·/()]*(?:{fillers}(?![^\W\d_])[\s,.]*)*", re.I),
        gap_before=re.compile(rf"[\s,|\-–—•·/]*(?:{weekdays}(?![^\W\d_])[\s,.]*)?", re.I),
        ignorable=re.compile(rf"(?:{labels}|{fillers})(?![^\W\d_])|[\s,.:;|()\-–—]+", re.I),
        label=re.compile(rf"(?<![^\W\d_]){labels}(?![^\W\d_])", re.I),
    )


def _offset(m: re.Match, r: _Rules, naive: datetime) -> Optional[str]:
    if m.group("abbr"):
        z = r.zones.get(m.group("abbr")) or r.zones.get(m.group("abbr").upper(), "")
        if re.fullmatch(r"[+\-]\d{2}:\d{2}", z):
            return z
        try:
            delta = naive.replace(tzinfo=ZoneInfo(z)).utcoffset()
        except (ZoneInfoNotFoundError, ValueError):
            return None
        return _fmt_delta(delta) if delta is not None else None
    raw = m.group("goff") or m.group("off")
    if not raw:
        return None
    raw = raw.replace("\u2212", "-")
    sign, digits = raw[0], raw[1:].replace(":", "")
    hh, mm = (digits[:-2], digits[-2:]) if len(digits) > 2 else (digits, "00")
    return f"{sign}{int(hh):02d}:{mm}"


def _fmt_delta(delta: timedelta) -> str:
    mins = int(delta.total_seconds() // 60)
    sign = "+" if mins >= 0 else "-"
    return f"{sign}{abs(mins) // 60:02d}:{abs(mins) % 60:02d}"


def _iso(y: int, mo: int, d: int, h=None, mi=None, s=None, off=None) -> Optional[str]:
    try:
        dt = datetime(y, mo, d, h or 0, mi or 0, s or 0)
    except ValueError:
        return None
    if h is None:
        return dt.strftime("%Y-%m-%d")
    return dt.strftime("%Y-%m-%dT%H:%M:%S") + (off or "")


def find_date(text: str, lang: str = "en") -> Optional[DateMatch]:
    """The first date in ``text`` with the time and zone next to it.

    >>> find_date("Jumat, 11 Okt 2024 15.32 WIB", "id").value
    '2024-10-11T15:32:00+07:00'
    >>> find_date("Detik.com - 12/03/2025, 09:15 WIB", "id").value
    '2025-03-12T09:15:00+07:00'
    >>> find_date("11:02 AM EDT, Fri October 11, 2024", "en").value
    '2024-10-11T11:02:00-04:00'
    >>> find_date("Posted 4:05 PM GMT+3, May 9, 2023", "en").value
    '2023-05-09T16:05:00+03:00'
    >>> find_date("no date here", "en") is None
    True
    """
    r = rules(lang)
    best = None
    for kind, pat in (("iso", r.iso), ("dmy", r.dmy), ("mdy", r.mdy), ("num", r.numeric)):
        m = pat.search(text)
        if m and (best is None or m.start() < best[1].start()):
            best = (kind, m)
    if best is None:
        return None
    kind, m = best
    if kind == "iso":
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if m.group(4) is not None:
            h, mi, s = int(m.group(4)), int(m.group(5)), int(m.group(6) or 0)
            try:
                naive = datetime(y, mo, d, h, mi, s)
            except ValueError:
                return None
            value = _iso(y, mo, d, h, mi, s, _offset(m, r, naive))
            return DateMatch(value, m.start(), m.end()) if value else None
    elif kind == "num":
        a, b = int(m.group(1)), int(m.group(2))
        d, mo = (b, a) if r.numeric_order == "mdy" else (a, b)
        y = int(m.group(3))
    elif kind == "dmy":
        y, mo, d = int(m.group(3)), r.months[m.group(2).lower()], int(m.group(1))
    else:
        y, mo, d = int(m.group(3)), r.months[m.group(1).lower()], int(m.group(2))
    if _iso(y, mo, d) is None:
        return None
    start, end = m.start(), m.end()
    t = None
    for tm in r.time.finditer(text, end, min(len(text), end + 40)):
        if r.gap_after.fullmatch(text, end, tm.start()):
            t = tm
        break
    if t is None:
        for tm in r.time.finditer(text, max(0, start - 40), start):
            if tm.end() <= start and r.gap_before.fullmatch(text, tm.end(), start):
                t = tm
    if t is None:
        return DateMatch(_iso(y, mo, d), start, end)
    h, mi, s = int(t.group(1)), int(t.group(2)), int(t.group(3) or 0)
    ap = (t.group("ampm") or "").lower()
    if ap in r.pm and h < 12:
        h += 12
    elif ap in r.am and h == 12:
        h = 0
    try:
        naive = datetime(y, mo, d, h, mi, s)
    except ValueError:
        return DateMatch(_iso(y, mo, d), start, end)
    value = _iso(y, mo, d, h, mi, s, _offset(t, r, naive))
    return DateMatch(value, min(start, t.start()), max(end, t.end()))


def is_date_only(text: str, lang: str = "en") -> Optional[DateMatch]:
    """The date when ``text`` is nothing but a date (with weekday, labels such
    as "Updated:" and fillers such as "pukul"), else None.

    >>> is_date_only("Published: Friday, 11 October 2024", "en").value
    '2024-10-11'
    >>> is_date_only("Talks resume on 11 October 2024 in Geneva", "en") is None
    True
    """
    m = find_date(text, lang)
    if m is None:
        return None
    rest = text[: m.start] + " " + text[m.end:]
    return m if not rules(lang).ignorable.sub("", rest).strip() else None


def labelled_dates(text: str, lang: str = "en") -> Optional[list[DateMatch]]:
    """The dates of a line that holds several labelled dates and nothing
    else ("Published : Nov. 5, 2024 - 18:20 KST  Updated : Nov. 5, 2024 -
    19:02 KST"), in order, offsets into ``text``; None when the line is not
    made of two or more such parts.

    >>> [d.value for d in labelled_dates("Published: 5 Nov 2024 Updated: 6 Nov 2024", "en")]
    ['2024-11-05', '2024-11-06']
    >>> labelled_dates("Published: 5 Nov 2024", "en") is None
    True
    """
    starts = [m.start() for m in rules(lang).label.finditer(text)]
    if len(starts) < 2 or text[:starts[0]].strip():
        return None
    out = []
    for a, b in zip(starts, starts[1:] + [len(text)]):
        m = is_date_only(text[a:b], lang)
        if m is None:
            return None
        out.append(DateMatch(m.value, a + m.start, a + m.end))
    return out


def normalise_date(value: str, lang: str = "en") -> Optional[str]:
    """An ISO 8601 string from a date given in a record or a meta tag.

    >>> normalise_date("2024-10-11T08:32:00Z")
    '2024-10-11T08:32:00+00:00'
    >>> normalise_date("11 Oktober 2024, 15:32 WIB", "id")
    '2024-10-11T15:32:00+07:00'
    """
    v = value.strip()
    try:
        dt = datetime.fromisoformat(v.replace("Z", "+00:00") if v.endswith("Z") else v)
    except ValueError:
        m = find_date(v, lang)
        return m.value if m else None
    if len(v) <= 10:
        return dt.strftime("%Y-%m-%d")
    out = dt.strftime("%Y-%m-%dT%H:%M:%S")
    if dt.tzinfo is not None:
        out += _fmt_delta(dt.utcoffset() or timedelta(0)) if dt.utcoffset() != timedelta(0) else "+00:00"
    return out


def clear_cache() -> None:
    """Forget compiled patterns (after changing GRAPHKIT_LANG_PATH)."""
    rules.cache_clear()



