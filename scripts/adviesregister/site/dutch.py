"""Numbers, counts and spans of time in Dutch words, for the sentences the site builds (numbers through Babel).

Every count is worded for 0, 1 and more apart ('geen adviezen', '1 advies', '2 adviezen'); days are whole days, and a
long span says its length in months or years too, so nobody has to divide 736 by 365.
"""

from __future__ import annotations

from babel.numbers import format_decimal, format_percent

LOCALE = "nl_NL"
MONTHS_FROM = 60
"""From this many days on, a span is also said in months ('ongeveer 2 maanden')."""
YEARS_FROM = 730
"""From this many days on, a span is said in years instead ('ongeveer 2 jaar')."""
DAYS_PER_MONTH = 365.25 / 12


def number(value: float) -> str:
    """'7', '1.500', '2,5': the Dutch way, with a point between thousands and a comma before decimals."""
    return format_decimal(value, locale=LOCALE)


def count(amount: int, one: str, many: str) -> str:
    """'1 advies', '7 adviezen', '1.500 adviezen'."""
    return f"{number(amount)} {one if amount == 1 else many}"


def percent(part: int, whole: int) -> str:
    """'67%' (whole percents); '' without a whole."""
    return format_percent(part / whole, locale=LOCALE) if whole else ""


def weeks(amount: int) -> str:
    return count(amount, "week", "weken")


def days(amount: int) -> str:
    """'1 dag', '30 dagen', '75 dagen (ongeveer 2 maanden)', '736 dagen (ongeveer 2 jaar)'."""
    text = count(amount, "dag", "dagen")
    if amount >= YEARS_FROM:
        return f"{text} (ongeveer {number(round(amount / 365.25))} jaar)"
    if amount >= MONTHS_FROM:
        return f"{text} (ongeveer {number(round(amount / DAYS_PER_MONTH))} maanden)"
    return text


def whole_days(value: float) -> int:
    """A median or quartile as whole days: the half day of an even count's median is dropped (of 736 and 737 days, the
    first half came within 736)."""
    return int(value)
