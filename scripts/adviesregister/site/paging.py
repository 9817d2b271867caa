"""Long lists in pages of PAGE_SIZE, so that no page grows with the archive: which items a page shows, its address and
what its page navigation says. A list of PAGE_SIZE or fewer items is one page, exactly as before paging existed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from adviesregister.content.names import list_page_url
from adviesregister.site import dutch

PAGE_SIZE = 100
"""Items per page: at 100 cards a list page is about 60 kB of HTML, under 10 kB compressed."""
_AROUND = 2
"""Page links shown on each side of the current page, besides the first and the last."""

T = TypeVar("T")


@dataclass(frozen=True)
class PagerLink:
    text: str
    """The page's number, or '…' for pages left out."""
    url: str | None
    """None for the current page and for '…'."""
    current: bool = False


@dataclass(frozen=True)
class ListPage(Generic[T]):
    """One page of a list: its items, its number and its address."""

    number: int
    count: int
    """How many pages the list has."""
    base_url: str
    """The list's address: its first page."""
    items: list[T]
    first: int
    """The place of the first item on this page in the whole list (1-based)."""
    total: int
    """Items in the whole list."""
    per_page: int
    """Items on a full page."""

    @property
    def url(self) -> str:
        return list_page_url(self.base_url, self.number)

    @property
    def paged(self) -> bool:
        return self.count > 1

    @property
    def previous_url(self) -> str | None:
        return list_page_url(self.base_url, self.number - 1) if self.number > 1 else None

    @property
    def next_url(self) -> str | None:
        return list_page_url(self.base_url, self.number + 1) if self.number < self.count else None

    @property
    def title_suffix(self) -> str:
        """After the list's title on every page but the first (each page's title differs): ', pagina 2 van 5'."""
        return f", pagina {self.number} van {self.count}" if self.number > 1 else ""

    @property
    def text(self) -> str:
        """'Pagina 2 van 5: 101 tot en met 200 van de 473 documenten.'"""
        last = self.first + len(self.items) - 1
        return f"Pagina {self.number} van {self.count}: {self.first} tot en met {last} van de {dutch.count(self.total, 'document', 'documenten')}."

    @property
    def links(self) -> list[PagerLink]:
        """The first page, the last, and _AROUND pages on each side of this one; '…' where pages are left out."""
        shown = sorted({1, self.count, *range(max(1, self.number - _AROUND), min(self.count, self.number + _AROUND) + 1)})
        links: list[PagerLink] = []
        previous = 0
        for number in shown:
            if number > previous + 1:
                links.append(PagerLink("\N{HORIZONTAL ELLIPSIS}", None))
            current = number == self.number
            links.append(PagerLink(str(number), None if current else list_page_url(self.base_url, number), current))
            previous = number
        return links


def paginate(items: list[T], url: str) -> list[ListPage[T]]:
    """`items` in pages of PAGE_SIZE; the first at `url`, the others at `url` + 'pagina/2/' and on. An empty list is one page."""
    size = PAGE_SIZE
    chunks = [items[start : start + size] for start in range(0, len(items), size)] or [[]]
    return [ListPage(number, len(chunks), url, chunk, (number - 1) * size + 1, len(items), size) for number, chunk in enumerate(chunks, start=1)]
