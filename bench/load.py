"""Odoo on a free loopback port with workers, for the load test
(bench.load_open)."""
import os
import socket
import subprocess
import sys
import time

import requests

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(database, workers, cron_threads=0):
    port, longpolling = free_port(), free_port()
    log_path = os.path.join(ROOT, ".local", "load-server.log")
    server = subprocess.Popen(
        [os.path.join(ROOT, "bin", "odoo"), "-d", database,
         "--db-filter=^%s$" % database, "--http-port=%d" % port,
         "--longpolling-port=%d" % longpolling,
         "--http-interface=127.0.0.1", "--workers=%d" % workers,
         "--max-cron-threads=%d" % cron_threads, "--limit-time-real=120"],
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
