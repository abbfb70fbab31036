"""The explorer under load: concurrent clients on loopback for a fixed time, latency printed.

``historiograph serve`` runs in its own process on the corpus database, as a user runs it.
Clients (threads, each with a keep-alive connection) request pages in turn for the whole
duration. The baseline, measured in the same run against the same server, is a static file
(``/static/style.css``): what the server costs before any page is built. The pages are
measured with one server process (the default) and with ``--workers 2``.

Run: ``make bench`` (or ``python benchmarks/serve_load.py --clients 50 --seconds 20``).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted((ROOT / "corpus").glob("*.txt"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(conn: http.client.HTTPConnection, path: str) -> tuple[int, bytes]:
    conn.request("GET", path)
    response = conn.getresponse()
    return response.status, response.read()


def page_mix(port: int) -> list[str]:
    """What a reader clicks through: home, timeline, network over a range, events, an actor,
    a source, the decisions, a search, a document, and JSON twins."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    items = json.loads(get(conn, "/timeline.json")[1])["items"]
    source = json.loads(get(conn, "/sources.json")[1])["sources"][0]["id"]
    conn.close()
    events = [i["url"] for i in items[:: max(1, len(items) // 8)]]
    return [
        "/",
        "/timeline",
        "/timeline.json?type=communication",
        "/network.json?from=1950-10&to=1950-10",
        "/network",
        *events,
        *(f"{e}.json" for e in events[:3]),
        "/actors/mao",
        f"/sources/{quote(source)}",
        "/decisions?actor=Mao+Zedong",
        "/search?q=air+cover",
        "/documents/seed1_armistice",
    ]


def load(port: int, paths: list[str], clients: int, seconds: float) -> dict:
    """``clients`` threads requesting ``paths`` round-robin until ``seconds`` have passed."""
    latencies: list[list[float]] = [[] for _ in range(clients)]
    errors: list[str] = []
    stop = time.perf_counter() + seconds

    def client(k: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        i = k
        while time.perf_counter() < stop:
            path = paths[i % len(paths)]
            i += 1
            t0 = time.perf_counter()
            try:
                status, _ = get(conn, path)
            except (OSError, http.client.HTTPException) as e:
                errors.append(f"{path}: {e!r}")
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                continue
            latencies[k].append(time.perf_counter() - t0)
            if status != 200:
                errors.append(f"{path}: HTTP {status}")
        conn.close()

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - t0
    every = sorted(x for lat in latencies for x in lat)
    return {
        "requests": len(every),
        "errors": errors,
        "per_second": len(every) / elapsed,
        "median_ms": statistics.median(every) * 1000 if every else float("nan"),
        "p99_ms": every[min(len(every) - 1, int(len(every) * 0.99))] * 1000
        if every
        else float("nan"),
    }


def serve(db: Path, port: int, workers: int) -> subprocess.Popen:
    exe = Path(sys.executable).with_name("historiograph")
    proc = subprocess.Popen(
        [str(exe), "serve", "--db", str(db), "--port", str(port), "--workers", str(workers)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return proc
        except OSError:
            if proc.poll() is not None:
                raise SystemExit(f"serve exited: {proc.stderr.read().decode()}") from None
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("serve did not start in 30 s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        exe = Path(sys.executable).with_name("historiograph")
        subprocess.run([str(exe), "ingest", "--db", str(db), *map(str, FILES)], check=True,
                       stdout=subprocess.DEVNULL)  # fmt: skip
        runs = {}
        for workers in (1, 2):
            port = free_port()
            proc = serve(db, port, workers)
            try:
                if workers == 1:
                    paths = page_mix(port)
                    runs["static file (baseline)"] = load(
                        port, ["/static/style.css"], args.clients, args.seconds
                    )
                name = f"pages, {workers} worker(s)"
                runs[name] = load(port, paths, args.clients, args.seconds)
            finally:
                os.killpg(proc.pid, signal.SIGTERM)
                proc.wait(timeout=10)
    print(f"explorer under load: {args.clients} clients on loopback, {args.seconds:g} s each, "
          f"{os.cpu_count()} CPU(s); pages: a mix of {len(paths)} (timeline, network, events, …)")  # fmt: skip
    print(f"{'':28} {'requests':>9} {'errors':>7} {'req/s':>8} {'median ms':>10} {'p99 ms':>8}")
    for name, r in runs.items():
        print(f"{name:28} {r['requests']:>9} {len(r['errors']):>7} {r['per_second']:>8.1f}"
              f" {r['median_ms']:>10.1f} {r['p99_ms']:>8.1f}")  # fmt: skip
    failed = [e for r in runs.values() for e in r["errors"]]
    for e in sorted(set(failed))[:10]:
        print(f"  error: {e}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
