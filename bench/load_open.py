"""Load test in two parts, our portal pages beside Odoo's own, against Odoo
run as the README recommends (workers, one cron thread).

    .venv/bin/python -m bench.load_open DATABASE [--seconds 60]

1. Open loop: a fixed arrival rate, whatever the answers' speed (a page
   that answers late does not slow the arrivals, as with real phones):
   20 members each loading a page every 5 s (4 pages/s), then twice and
   four times that. Each rate runs our pages (a member: /my/declarations
   and /my/home in turn) then Odoo's (the KPA's client: /my/invoices and
   /my/home in turn). Latency counts from the moment the page was due, so
   a queue in the generator shows too. p50/p95/p99, errors, and the ratio
   of our p95 to Odoo's.
2. Closed loop: 20 members with no pause between pages, for each set of
   pages: the throughput at saturation.

The logins are bench.fixtures' "membre" (a member of the biggest KPA) and
"client" (its client, who holds its invoices); they are made when missing.
The CPU time of the generator and of the server (all its processes) is
reported beside. Writes bench/load.md.
"""
import argparse
import concurrent.futures
import datetime
import os
import re
import statistics
import sys
import threading
import time

import psutil
import requests

from .load import start_server

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
MEMBERS = 20
PERIOD = 5.0  # seconds between two pages of a member
FACTORS = (1, 2, 4)
SETS = {
    "ours": ("membre", ["/my/declarations", "/my/home"]),
    "odoo": ("client", ["/my/invoices", "/my/home"]),
}
WORKERS = 3  # README: about one worker per core plus one (2 cores here)


def ensure_logins(database):
    """bench.fixtures' portal logins on ``database`` (made once)."""
    from data.odoo_env import odoo_env

    from .cases import biggest_kpa
    from .fixtures import logins
    with odoo_env(database) as env:
        kpa = biggest_kpa(env)
        memberships = env["kpa.membership"].search(
            [("kpa_id", "=", kpa.id)], order="id")
        logins(env, kpa, memberships)


def session_cookies(url, login):
    http = requests.Session()
    page = http.get(url + "/web/login", timeout=60)
    http.post(url + "/web/login", data={
        "login": login, "password": login,
        "csrf_token": CSRF.search(page.text).group(1)}, timeout=60)
    if "session_id" not in http.cookies:
        sys.exit("login %s failed" % login)
    return http.cookies.get_dict()


def fetch(url, cookies, due):
    """(status, seconds since the page was due)."""
    try:
        status = requests.get(url, cookies=cookies, timeout=60,
                              allow_redirects=False).status_code
    except requests.RequestException:
        status = 599
    return status, time.perf_counter() - due


class CpuClock:
    """CPU seconds of this process and of the server's processes."""

    def __init__(self, server_pid):
        self.server = psutil.Process(server_pid)
        self.me = psutil.Process()

    def _server_cpu(self):
        total = 0.0
        for process in [self.server] + self.server.children(recursive=True):
            try:
                times = process.cpu_times()
                total += times.user + times.system
            except psutil.Error:
                pass
        return total

    def start(self):
        times = self.me.cpu_times()
        self.started = (time.perf_counter(), times.user + times.system,
                        self._server_cpu())

    def stop(self):
        """(generator, server) CPU as a share of one core."""
        wall, mine, server = self.started
        wall = time.perf_counter() - wall
        times = self.me.cpu_times()
        return ((times.user + times.system - mine) / wall,
                (self._server_cpu() - server) / wall)


def open_loop(url, cookies, pages, rate, seconds, clock):
    """Pages due at ``rate`` per second, spread evenly, for ``seconds``."""
    total = int(rate * seconds)
    results = []
    clock.start()
    started = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(max_workers=256) as pool:
        futures = []
        for index in range(total):
            due = started + index / rate
            delay = due - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
            futures.append(pool.submit(
                fetch, url + pages[index % len(pages)], cookies, due))
        results = [future.result() for future in futures]
    cpu = clock.stop()
    return results, time.perf_counter() - started, cpu


def closed_loop(url, cookies, pages, users, seconds, clock):
    """``users`` loading pages back to back for ``seconds``."""
    results, lock = [], threading.Lock()
    stop_at = time.perf_counter() + seconds

    def member(offset):
        http = requests.Session()
        http.cookies.update(cookies)
        index = offset
        while time.perf_counter() < stop_at:
            started = time.perf_counter()
            try:
                status = http.get(url + pages[index % len(pages)],
                                  timeout=60,
                                  allow_redirects=False).status_code
            except requests.RequestException:
                status = 599
            with lock:
                results.append((status, time.perf_counter() - started))
            index += 1
    clock.start()
    threads = [threading.Thread(target=member, args=(i,))
               for i in range(users)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, seconds, clock.stop()


def percentile(sorted_values, share):
    if not sorted_values:
        return 0.0
    index = min(len(sorted_values) - 1,
                max(0, int(round(share * len(sorted_values))) - 1))
    return sorted_values[index]


def stats(results, wall, cpu):
    latencies = sorted(elapsed for _status, elapsed in results)
    return {
        "requests": len(results), "per_s": len(results) / wall,
        # A redirection is an error too: the login was lost.
        "errors": sum(1 for status, _elapsed in results if status != 200),
        "p50": statistics.median(latencies) * 1000 if latencies else 0,
        "p95": percentile(latencies, 0.95) * 1000,
        "p99": percentile(latencies, 0.99) * 1000,
        "cpu_me": cpu[0] * 100, "cpu_server": cpu[1] * 100,
    }


def report(open_rows, closed_rows, seconds, closed_seconds):
    lines = [
        "# Load test: our portal pages beside Odoo's own",
        "",
        "Measured %s by `bench/load_open.py` on a **shared 2-core machine** "
        "(three other people worked on it at the same time), the load "
        "generator on the same machine: its CPU is given (100 %% = one "
        "core), and the server's (every worker). Odoo with %d workers and "
        "one cron thread, as the README recommends; PostgreSQL as shipped. "
        "Ours: a member loading /my/declarations and /my/home in turn; "
        "Odoo's: the KPA's client loading /my/invoices and /my/home in "
        "turn. Latency from the moment a page was due (ms)." % (
            datetime.date.today().isoformat(), WORKERS),
        "",
        "## Open loop (a fixed arrival rate, %d s per step)" % seconds,
        "",
        "| members x 1 page / 5 s | pages/s | pages | ours p50 | ours p95 "
        "| ours p99 | ours errors | Odoo p50 | Odoo p95 | Odoo p99 "
        "| Odoo errors | p95 ratio ours/Odoo | generator CPU | server CPU "
        "(ours / Odoo) |",
        "|" + " --- |" * 15,
    ]
    for factor, ours, odoo in open_rows:
        lines.append(
            "| %d | %.0f | %d + %d | %.0f | %.0f | %.0f | %d | %.0f | %.0f "
            "| %.0f | %d | %.2f | %.0f %% | %.0f %% / %.0f %% |" % (
                MEMBERS * factor, MEMBERS * factor / PERIOD,
                ours["requests"], odoo["requests"], ours["p50"],
                ours["p95"], ours["p99"], ours["errors"], odoo["p50"],
                odoo["p95"], odoo["p99"], odoo["errors"],
                ours["p95"] / odoo["p95"] if odoo["p95"] else 0,
                max(ours["cpu_me"], odoo["cpu_me"]), ours["cpu_server"],
                odoo["cpu_server"]))
    lines += [
        "",
        "## Closed loop (%d members, no pause, %d s): saturation" % (
            MEMBERS, closed_seconds),
        "",
        "| pages | requests | pages/s | p50 | p95 | errors "
        "| generator CPU | server CPU |",
        "|" + " --- |" * 8,
    ]
    for name, row in closed_rows:
        lines.append("| %s | %d | %.1f | %.0f | %.0f | %d | %.0f %% | %.0f %% |"
                     % (name, row["requests"], row["per_s"], row["p50"],
                        row["p95"], row["errors"], row["cpu_me"],
                        row["cpu_server"]))
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database")
    parser.add_argument("--seconds", type=int, default=60,
                        help="length of each open-loop step and set")
    parser.add_argument("--closed-seconds", type=int, default=30)
    parser.add_argument("--target", type=float, default=1.0,
                        help="highest p95 ratio ours/Odoo that passes")
    args = parser.parse_args()
    ensure_logins(args.database)
    server, url = start_server(args.database, WORKERS,
                               cron_threads=1)
    try:
        cookies = {name: session_cookies(url, login)
                   for name, (login, _pages) in SETS.items()}
        for name, (_login, pages) in SETS.items():  # warm every worker
            for _ in range(2 * WORKERS):
                for page in pages:
                    requests.get(url + page, cookies=cookies[name],
                                 timeout=120)
        clock = CpuClock(server.pid)
        open_rows = []
        for factor in FACTORS:
            rate = MEMBERS * factor / PERIOD
            row = [factor]
            for name, (_login, pages) in SETS.items():
                row.append(stats(*open_loop(url, cookies[name], pages, rate,
                                            args.seconds, clock)))
                print("open loop x%d %s: %s" % (factor, name, row[-1]),
                      flush=True)
            open_rows.append(row)
        closed_rows = []
        for name, (_login, pages) in SETS.items():
            closed_rows.append((name, stats(*closed_loop(
                url, cookies[name], pages, MEMBERS, args.closed_seconds,
                clock))))
            print("closed loop %s: %s" % (name, closed_rows[-1][1]),
                  flush=True)
    finally:
        server.terminate()
        server.wait(timeout=30)
    text = report(open_rows, closed_rows, args.seconds, args.closed_seconds)
    print(text)
    with open(os.path.join(ROOT, "bench", "load.md"), "w") as handle:
        handle.write(text)
    errors = sum(row[1]["errors"] + row[2]["errors"] for row in open_rows)
    errors += sum(row["errors"] for _name, row in closed_rows)
    if errors:
        sys.exit("load test: %d errors" % errors)
    ratios = [ours["p95"] / odoo["p95"] for _f, ours, odoo in open_rows
              if odoo["p95"]]
    if max(ratios) > args.target:
        sys.exit("our pages' p95 is %.2f times Odoo's (target %.2f)" % (
            max(ratios), args.target))


if __name__ == "__main__":
    main()
