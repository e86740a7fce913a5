"""Removing a queue of ours from a Redis broker (throw-away queues of tests and benchmarks)."""
from __future__ import annotations

import json


def forget_queue(broker_url: str, queue: str) -> None:
    """Delete queue `queue` from the Redis at `broker_url`: its list, its kombu bindings and
    the unacknowledged messages routed to it. Other queues of that database are untouched."""
    import redis
    client = redis.Redis.from_url(broker_url)
    try:
        client.delete(queue, f"_kombu.binding.{queue}", f"_kombu.binding_permanent.{queue}")
        for tag, raw in client.hgetall("unacked").items():
            try:
                routing_key = json.loads(raw)[2]
            except (ValueError, IndexError, TypeError):
                continue
            if routing_key == queue:
                client.hdel("unacked", tag)
                client.zrem("unacked_index", tag)
    finally:
        client.close()
