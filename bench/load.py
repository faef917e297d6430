"""A bounded load test on loopback: N portal members at once against Odoo
started with workers; throughput, p95 latency and errors (must be 0).

    .venv/bin/python -m bench.load DATABASE --users 20 --seconds 30 --workers 2

Members log in as the demo's portal users (samir, ines), each simulated
member in its own session, and walk their pages as on a phone.
"""
import argparse
import os
import re
import socket
import statistics
import subprocess
import sys
import threading
import time

import requests

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PAGES = ["/my/home", "/my/kpa", "/my/decisions", "/my/charter",
         "/my/logbook", "/my/cape"]
LOGINS = ["samir", "ines"]
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(database, workers):
    port, longpolling = free_port(), free_port()
    log_path = os.path.join(ROOT, ".local", "load-server.log")
    server = subprocess.Popen(
        [os.path.join(ROOT, "bin", "odoo"), "-d", database,
         "--db-filter=^%s$" % database, "--http-port=%d" % port,
         "--longpolling-port=%d" % longpolling,
         "--http-interface=127.0.0.1", "--workers=%d" % workers,
         "--max-cron-threads=0", "--limit-time-real=120"],
        stdout=open(log_path, "w"), stderr=subprocess.STDOUT)
    url = "http://127.0.0.1:%d" % port
    deadline = time.time() + 120
    while time.time() < deadline:
        try:
            if requests.get(url + "/web/login", timeout=30).ok:
                return server, url
        except requests.ConnectionError:
            time.sleep(0.5)
    server.kill()
    sys.exit("Odoo did not start, see %s" % log_path)


def member(url, login, stop_at, results, lock):
    http = requests.Session()
    page = http.get(url + "/web/login", timeout=60)
    http.post(url + "/web/login", data={
        "login": login, "password": login,
        "csrf_token": CSRF.search(page.text).group(1)}, timeout=60)
    index = 0
    while time.time() < stop_at:
        path = PAGES[index % len(PAGES)]
        index += 1
        started = time.perf_counter()
        try:
            status = http.get(url + path, timeout=60).status_code
        except requests.RequestException:
            status = 599
        elapsed = time.perf_counter() - started
        with lock:
            results.append((status, elapsed))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database")
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    server, url = start_server(args.database, args.workers)
    try:
        for path in PAGES:  # warm the workers' caches and assets
            requests.get(url + path, timeout=120)
        results, lock = [], threading.Lock()
        stop_at = time.time() + args.seconds
        threads = [threading.Thread(target=member, args=(
            url, LOGINS[i % len(LOGINS)], stop_at, results, lock))
            for i in range(args.users)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        server.terminate()
        server.wait(timeout=30)
    latencies = sorted(elapsed for _status, elapsed in results)
    errors = sum(1 for status, _elapsed in results if status >= 500)
    p95 = latencies[int(len(latencies) * 0.95) - 1] if latencies else 0
    line = ("load: %d members, %d workers, %ds: %d requests, %.1f req/s, "
            "median %.0f ms, p95 %.0f ms, errors %d" % (
                args.users, args.workers, args.seconds, len(results),
                len(results) / args.seconds,
                statistics.median(latencies) * 1000 if latencies else 0,
                p95 * 1000, errors))
    print(line)
    with open(os.path.join(ROOT, "bench", "load.md"), "w") as handle:
        handle.write("# Load test\n\nMeasured on this machine (2 cores) by "
                     "`make bench`:\n\n    %s\n" % line)
    if errors:
        sys.exit("load test: %d errors" % errors)


if __name__ == "__main__":
    main()
