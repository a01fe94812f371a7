"""Token paging: every item lazily, page by page; a repeated token raises; memory stays flat."""

from __future__ import annotations

import gc
import tracemalloc
from typing import Any

import pytest

from tests.client.conftest import TOKEN, Api, collect, resolve
from tests.client.server import LoopbackServer, Recorded, Reply

LIST = "/testsvc/v1/instances"


def paged(server: LoopbackServer, pages: int, per_page: int, repeat_at: int | None = None, lean: bool = False) -> None:
    """Pages ``p0 … p{pages-1}``; page ``repeat_at`` points back to the previous token."""

    def answer(request: Recorded) -> Reply:
        token = request.query.get("pageToken", [""])[0]
        number = int(token[1:]) if token else 0
        extra = {} if lean else {"memory": "7", "createdAt": "2020-01-01T00:00:00.000000001Z"}
        items = [{"id": f"i{number}-{k}", **extra} for k in range(per_page)]
        following = "" if number + 1 >= pages else f"p{number + 1}"
        if repeat_at is not None and number == repeat_at:
            following = token
        return Reply(200, {"instances": items, "nextPageToken": following})

    server.route("GET", LIST, answer)


async def test_five_pages_auto_iterate(api: Api) -> None:
    paged(api.server, pages=5, per_page=3)
    page = await resolve(api.client(token=TOKEN).instances.list(folder_id="f1", page_size=3))
    assert [i.id for i in page.instances] == ["i0-0", "i0-1", "i0-2"] and page.next_page_token == "p1"
    items = await collect(page)
    assert len(items) == 15 and items[-1].id == "i4-2"
    hits = api.server.hits("GET", LIST)
    assert [h.query.get("pageToken") for h in hits] == [None, ["p1"], ["p2"], ["p3"], ["p4"]]
    assert all(h.query["folderId"] == ["f1"] and h.query["pageSize"] == ["3"] for h in hits)


async def test_iter_pages_stops_on_an_empty_token(api: Api) -> None:
    paged(api.server, pages=3, per_page=2)
    page = await resolve(api.client(token=TOKEN).instances.list(folder_id="f1"))
    pages = await collect(page.iter_pages())
    assert [p.next_page_token for p in pages] == ["p1", "p2", ""]


async def test_a_repeated_token_raises(api: Api) -> None:
    paged(api.server, pages=10, per_page=1, repeat_at=3)
    page = await resolve(api.client(token=TOKEN).instances.list(folder_id="f1"))
    with pytest.raises(api.package.errors.PaginationError):
        await collect(page)
    assert len(api.server.hits("GET", LIST)) == 4


def _peak(run: Any) -> int:
    gc.collect()
    tracemalloc.start()
    try:
        run()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_stays_flat_over_100_000_items(yc: Any, server: LoopbackServer) -> None:
    per_page = 1000
    paged(server, pages=100, per_page=per_page, lean=True)
    with yc.YcTestClient(base_url=server.url, token=TOKEN) as client:
        one_page = _peak(lambda: client.instances.list(folder_id="f1", page_size=per_page))
        count = [0]

        def walk() -> None:
            for _ in client.instances.list(folder_id="f1", page_size=per_page):
                count[0] += 1

        every_page = _peak(walk)
    assert count[0] == 100_000
    # Holding every page would cost ~100 pages; the walk holds the first page, the current one
    # and the one being parsed.
    assert every_page < 6 * one_page, (every_page, one_page)
