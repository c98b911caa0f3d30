"""The production cache backend: Django's Redis backend, with one client per pool."""

import threading
import uuid

import pytest

from portal.redis_cache import RedisCache

from .test_production_settings import redis_reachable

pytestmark = pytest.mark.skipif(not redis_reachable(), reason="no Redis on 127.0.0.1:6379")


@pytest.fixture
def redis_cache():
    prefix = f"test-{uuid.uuid4().hex}"
    cache = RedisCache("redis://127.0.0.1:6379/15", {"KEY_PREFIX": prefix})
    yield cache
    client = cache._cache.get_client(write=True)
    for key in client.scan_iter(match=f"{prefix}:*"):
        client.delete(key)


def test_it_stores_reads_and_deletes_like_djangos_backend(redis_cache):
    redis_cache.set("page", {"content": b"<h1>Hej</h1>"}, timeout=60)
    redis_cache.set_many({"a": 1, "b": 2}, timeout=None)
    assert redis_cache.get("page") == {"content": b"<h1>Hej</h1>"}
    assert redis_cache.get_many(["a", "b", "missing"]) == {"a": 1, "b": 2}
    assert redis_cache.add("a", 9) is False
    redis_cache.delete("a")
    assert redis_cache.get("a") is None


def test_threads_share_one_client_and_each_gets_its_own_answers(redis_cache):
    clients, errors = set(), []

    def work(n):
        try:
            for i in range(50):
                redis_cache.set(f"k{n}-{i}", n * 1000 + i)
                assert redis_cache.get(f"k{n}-{i}") == n * 1000 + i
            clients.add(id(redis_cache._cache.get_client()))
        except AssertionError as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(clients) == 1
