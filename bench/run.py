"""make bench: query counts and median server times at two data sizes.

    .venv/bin/python -m bench.run --size 3x10x52 --size 30x40x26

Each size is KPAs x members x weeks, generated once into its own database
(kpa_bench_<size>, kept for the next run while the modules, the demo and
the generators are unchanged), plus bench.fixtures: the biggest KPA gets as
many validated weeks of history as the size has weeks. Then a copy of the
largest gets 10 000 more paid invoices and five more years of history.
Prints a table and writes bench/results.md.
"""
import argparse
import ast
import datetime
import hashlib
import os
import statistics
import subprocess
import sys

from data.modules import MODULES

from .cases import CASES

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RUNS = 7
SOURCE_SUFFIXES = (".py", ".xml", ".csv", ".po", ".js", ".less", ".png")
DEFAULT_SIZES = ["3x10x52", "30x40x26"]
HISTORY_WEEKS = 260


def run_case(client, env, case):
    label, user, kind, target = case
    if kind == "page":
        return client.get(target)
    if kind == "call":
        model, method, build = target
        args, kwargs = build(env)
        return client.call("/web/dataset/call_kw", {
            "model": model, "method": method, "args": args,
            "kwargs": kwargs})
    if kind == "group":
        model, fields, groupby = target
        return client.call("/web/dataset/call_kw", {
            "model": model, "method": "read_group",
            "args": [[], fields, groupby], "kwargs": {"lazy": False}})
    model, view_type, domain = target
    view = env[model].fields_view_get(view_type=view_type)
    return client.call("/web/dataset/search_read", {
        "model": model, "fields": list(view["fields"]), "domain": domain,
        "limit": 80, "sort": "", "context": {"lang": "fr_FR"}})


def measure(database):
    """{label: (status, queries, median ms)} for every case."""
    import odoo
    from data.odoo_env import DEFAULT_CONF
    odoo.tools.config.parse_config([
        "-c", DEFAULT_CONF, "-d", database, "--log-level", "warn",
        "--db-filter", "^%s$" % database, "--max-cron-threads", "0"])
    from .client import OdooClient
    results = {}
    registry = odoo.registry(database)
    clients = {}
    for case in CASES:
        label, user = case[0], case[1]
        if user not in clients:
            clients[user] = OdooClient(database)
            clients[user].login(user)
        client = clients[user]
        with odoo.api.Environment.manage(), registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            run_case(client, env, case)  # warm the caches
            samples = [run_case(client, env, case) for _ in range(RUNS)]
        status = samples[-1][0]
        queries = max(sample[1] for sample in samples)
        median_ms = statistics.median(sample[2] for sample in samples) * 1000
        results[label] = (status, queries, median_ms)
    return results


def fingerprint(*paths):
    """A hash of the source files at or under ``paths`` (tests aside)."""
    digest = hashlib.sha1()
    for path in paths:
        if os.path.isfile(os.path.join(ROOT, path)):
            with open(os.path.join(ROOT, path), "rb") as handle:
                digest.update(handle.read())
        for base, dirs, files in sorted(os.walk(os.path.join(ROOT, path))):
            dirs[:] = sorted(d for d in dirs if d not in ("tests",
                                                          "__pycache__"))
            for name in sorted(files):
                if name.endswith(SOURCE_SUFFIXES):
                    with open(os.path.join(base, name), "rb") as handle:
                        digest.update(name.encode() + handle.read())
    return digest.hexdigest()[:16]


def ensure_database(size):
    """The database of ``size``: kept while the data generators are
    unchanged (the modules are upgraded in place when they changed),
    rebuilt otherwise."""
    database = "kpa_bench_%s" % size.replace("x", "_")
    kpas, members, weeks = size.split("x")
    stamp = os.path.join(ROOT, ".local", database + ".fingerprint")
    modules = fingerprint(*MODULES)
    data = fingerprint("data", "bench/fixtures.py")
    exists = subprocess.call(
        ["bash", "-c", "source scripts/lib.sh; db_exists %s" % database],
        cwd=ROOT) == 0
    built = open(stamp).read().split() if exists and os.path.exists(
        stamp) else []
    if built == [modules, data]:
        return database
    if len(built) == 2 and built[1] == data:
        print("upgrading the modules in %s..." % database, flush=True)
        subprocess.check_call([
            os.path.join(ROOT, "bin", "odoo"), "-d", database,
            "-u", ",".join(MODULES), "--stop-after-init",
            "--log-level=warn"], cwd=ROOT)
    else:
        print("building %s (%s KPAs x %s members x %s weeks)..." % (
            database, kpas, members, weeks), flush=True)
        subprocess.check_call(
            ["bash", "-c", "source scripts/lib.sh; dropdb --if-exists %s; "
             "create_db %s" % (database, database)], cwd=ROOT)
        python = os.path.join(ROOT, ".venv", "bin", "python")
        subprocess.check_call([python, "-m", "data.demo", database], cwd=ROOT)
        subprocess.check_call([
            python, "-m", "data.generate", database, "--kpas", kpas,
            "--members", members, "--weeks", weeks], cwd=ROOT)
        subprocess.check_call([python, "-m", "bench.fixtures", database,
                               "--weeks", weeks], cwd=ROOT)
    with open(stamp, "w") as handle:
        handle.write("%s %s" % (modules, data))
    return database


def ensure_bulk_database(source, size, invoices):
    """The largest network plus ``invoices`` paid invoices in the pot of its
    last KPA (cloned in SQL by data.bulk: the ORM would take hours) and
    five more years of history."""
    database = "%s_bulk" % source
    code = "G%03d" % int(size.split("x")[0])
    print("building %s (+%d paid invoices, +%d weeks for %s)..." % (
        database, invoices, HISTORY_WEEKS, code), flush=True)
    python = os.path.join(ROOT, ".venv", "bin", "python")
    subprocess.check_call(["dropdb", "--if-exists", database])
    subprocess.check_call(["createdb", "-T", source, database])
    subprocess.check_call([python, "-m", "data.bulk", database, "--kpa", code,
                           "--invoices", str(invoices)], cwd=ROOT)
    subprocess.check_call([python, "-m", "bench.fixtures", database,
                           "--weeks", str(HISTORY_WEEKS)], cwd=ROOT)
    return database


def measure_in_subprocess(database):
    """One process per database: Odoo's registry and caches stay apart."""
    output = subprocess.check_output(
        [sys.executable, "-m", "bench.run", "--measure", database], cwd=ROOT)
    return ast.literal_eval(output.decode().strip().splitlines()[-1])


def table(sizes, results):
    header = "| page or action | " + " | ".join(
        "%s: queries | %s: ms" % (size, size) for size in sizes) + \
        " | queries flat? |"
    lines = [header, "|" + " --- |" * (2 * len(sizes) + 2)]
    for label, *_rest in CASES:
        cells = []
        counts = []
        for size in sizes:
            status, queries, ms = results[size][label]
            counts.append(queries)
            mark = "" if status == 200 else " (HTTP %s)" % status
            cells += ["%d%s" % (queries, mark), "%.0f" % ms]
        # Growth is what matters: a count may only drop, or wobble by two
        # (a sequence or a cache filled on the first database).
        flat = "yes" if max(counts[1:]) <= counts[0] + 2 else "NO"
        lines.append("| %s | %s | %s |" % (label, " | ".join(cells), flat))
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", action="append")
    parser.add_argument("--bulk", type=int, default=10000,
                        help="paid invoices added to the largest network")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(repr(measure(args.measure)))
        return
    sizes = args.size or DEFAULT_SIZES
    results = {}
    databases = []
    for size in sizes:
        databases.append(ensure_database(size))
        results[size] = measure_in_subprocess(databases[-1])
    if args.bulk:
        label = "%s+%dk+%dw" % (sizes[-1], args.bulk // 1000,
                                HISTORY_WEEKS)
        results[label] = measure_in_subprocess(
            ensure_bulk_database(databases[-1], sizes[-1], args.bulk))
        sizes = sizes + [label]
    text = table(sizes, results)
    print(text)
    with open(os.path.join(ROOT, "bench", "results.md"), "w") as handle:
        handle.write("# Benchmark results\n\nMeasured %s on this machine "
                     "(2 cores), by `make bench`. Sizes are KPAs x members x "
                     "weeks (one paid invoice per KPA and week; the biggest "
                     "KPA has as many validated weeks of declarations); "
                     "+10k+260w adds 10 000 paid invoices and 260 validated "
                     "weeks (5 years) to that KPA. Queries: "
                     "SQL queries the server ran for the request; ms: "
                     "median server time of %d runs.\n\n%s\n" % (
                         datetime.date.today().isoformat(), RUNS, text))
    # The work per member (KPAs of 5, 20 and 40 members), on the first.
    scale = subprocess.call([
        sys.executable, "-m", "bench.scale", databases[0], "--write"],
        cwd=ROOT)
    # Then many members at once, on the largest database, Odoo with workers:
    # a fixed arrival rate (open loop) beside Odoo's own pages, then the
    # saturation (closed loop).
    load = subprocess.call([
        sys.executable, "-m", "bench.load_open", databases[-1]], cwd=ROOT)
    with open(os.path.join(ROOT, "bench", "load.md")) as source, open(
            os.path.join(ROOT, "bench", "results.md"), "a") as handle:
        handle.write("\n## Under load\n\n"
                     + source.read().split("\n", 2)[2])
    # And one member on a slow 3G line, in Chromium (Playwright runs in the
    # browser tests' Python 3.11): its table goes under the others.
    slow = subprocess.call([
        os.path.join(ROOT, ".venv-browser", "bin", "python"), "-m",
        "bench.slow3g", databases[-1]], cwd=ROOT)
    slow_md = os.path.join(ROOT, "bench", "slow3g.md")
    if os.path.exists(slow_md):  # written afresh by each run
        with open(slow_md) as source, open(os.path.join(
                ROOT, "bench", "results.md"), "a") as handle:
            handle.write("\n## A member on a slow 3G line\n\n"
                         + source.read().split("\n", 2)[2])
    if any("| NO |" in line for line in text.splitlines()):
        sys.exit("some query counts grow with the data (see the table)")
    if scale:
        sys.exit("some work grows faster than 3 queries per member")
    if load:
        sys.exit("the load test had errors or our pages are slower than "
                 "Odoo's own")
    if slow:
        sys.exit("a member's pages miss their slow 3G target")


if __name__ == "__main__":
    main()
