#!/usr/bin/env python3
"""Slowloris: normal requests while N idle half-sent requests hold connections open.

Runs, side by side in one run, on 127.0.0.1 only:
  gyrus      - `gyrus dashboard` of this tree (own NIO server)      : --gyrus-cp CLASSPATH
  gyrus-old  - the dashboard before issue 11 (JDK HttpServer), opt. : --old-cp CLASSPATH
  py-thread  - Python's http.server.ThreadingHTTPServer (stdlib)
  py-single  - Python's wsgiref.simple_server, the server optuna-dashboard's run_server uses
For each server and each N in --idle: open N sockets, send a partial request line to each, keep
them open, then time --requests sequential GETs of / (5 s timeout each; a timeout counts as a
failure and as 5 s; after 10 failures in a row the rest are counted as failures unsent). Writes bench/results/slowloris.{json,md}.
"""
import argparse, json, os, socket, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TIMEOUT = 5.0


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_port(port, proc, limit=60):
    t0 = time.time()
    while time.time() - t0 < limit:
        if proc.poll() is not None:
            raise RuntimeError("server exited: %s" % proc.returncode)
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("server did not start on %d" % port)


def get(port):
    """One GET / on a fresh connection; seconds, or None on failure/timeout."""
    t0 = time.perf_counter()
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as s:
            s.settimeout(TIMEOUT)
            s.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            data = b""
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                data += chunk
                if time.perf_counter() - t0 > TIMEOUT:
                    return None
        if not data.startswith(b"HTTP/1.") or b" 200 " not in data.split(b"\r\n", 1)[0]:
            return None
        return time.perf_counter() - t0
    except OSError:
        return None


def measure(port, idle, requests):
    held = []
    for _ in range(idle):
        try:
            s = socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT)
            s.sendall(b"GET /?x=")  # a request line that never ends
            held.append(s)
        except OSError:
            break
    time.sleep(0.5)
    times, failures, streak = [], 0, 0
    for _ in range(requests):
        # after 10 failures in a row the server is starved: the rest count as failed unsent
        t = get(port) if streak < 10 else None
        if t is None:
            failures += 1
            streak += 1
            t = TIMEOUT
        else:
            streak = 0
        times.append(t)
    for s in held:
        s.close()
    times.sort()
    p99 = times[min(len(times) - 1, int(0.99 * len(times)))]
    return {
        "idle": idle,
        "held": len(held),
        "requests": requests,
        "failures": failures,
        "median_ms": round(statistics.median(times) * 1000, 2),
        "p99_ms": round(p99 * 1000, 2),
        "max_ms": round(times[-1] * 1000, 2),
    }


def start_gyrus(cp, db, port):
    cmd = ["java", "-cp", cp, "org.gyrus.app.Main", "dashboard", "--storage", "sqlite:" + db,
           "--port", str(port)]
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


PY_THREAD = """
import http.server, sys
class H(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = b'<html><body>studies</body></html>'
        self.send_response(200); self.send_header('Content-Length', str(len(body)))
        self.end_headers(); self.wfile.write(body)
    def log_message(self, *a): pass
http.server.ThreadingHTTPServer(('127.0.0.1', int(sys.argv[1])), H).serve_forever()
"""
PY_SINGLE = """
import sys
from wsgiref.simple_server import make_server, WSGIRequestHandler
class Q(WSGIRequestHandler):
    def log_message(self, *a): pass
def app(env, start):
    start('200 OK', [('Content-Type', 'text/html')]); return [b'<html><body>studies</body></html>']
make_server('127.0.0.1', int(sys.argv[1]), app, handler_class=Q).serve_forever()
"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gyrus-cp")
    ap.add_argument("--old-cp")
    ap.add_argument("--db", help="a study database for the dashboards")
    ap.add_argument("--idle", default="0,30,200")
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--render", help="only rewrite the .md from this results .json")
    a = ap.parse_args()
    if a.render:
        with open(a.render) as f:
            doc = json.load(f)
        write_md(a.render[: -len(".json")] + ".md", doc["rows"], doc["command"])
        return
    servers = [("gyrus", lambda p: start_gyrus(a.gyrus_cp, a.db, p))]
    if a.old_cp:
        servers.append(("gyrus-old", lambda p: start_gyrus(a.old_cp, a.db, p)))
    servers.append(("py-thread", lambda p: subprocess.Popen([sys.executable, "-c", PY_THREAD, str(p)])))
    servers.append(("py-single", lambda p: subprocess.Popen([sys.executable, "-c", PY_SINGLE, str(p)])))
    rows = []
    for name, start in servers:
        for idle in [int(x) for x in a.idle.split(",")]:
            port = free_port()
            proc = start(port)
            try:
                wait_port(port, proc)
                for _ in range(100):  # warm-up (JIT), before the idle connections
                    get(port)
                r = measure(port, idle, a.requests)
                r["server"] = name
                rows.append(r)
                print(json.dumps(r), flush=True)
            finally:
                proc.terminate()
                try:
                    proc.wait(10)
                except subprocess.TimeoutExpired:
                    proc.kill()
    command = os.environ.get("BENCH_COMMAND", " ".join(sys.argv))
    out = os.path.join(ROOT, "bench", "results")
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "slowloris.json"), "w") as f:
        json.dump({"command": command, "timeout_s": TIMEOUT, "rows": rows}, f, indent=2)
    write_md(os.path.join(out, "slowloris.md"), rows, command)


def write_md(path, rows, command):
    with open(path, "w") as f:
        f.write("| server | idle connections asked | held open | requests | failures | median ms | p99 ms | max ms |\n")
        f.write("|---|---|---|---|---|---|---|---|\n")
        for r in rows:
            f.write("| %s | %d | %d | %d | %d | %.2f | %.2f | %.2f |\n" % (
                r["server"], r["idle"], r["held"], r["requests"], r["failures"], r["median_ms"],
                r["p99_ms"], r["max_ms"]))
        f.write("\nSequential GET / on fresh connections while N sockets each hold a request line that"
                " never ends; a request not answered within %.0f s counts as a failure and as %.0f s"
                " (after 10 failures in a row the rest are counted as failures without sending)."
                " 'held open': how many of the N connections the server accepted at all (the"
                " single-threaded server's listen backlog fills up)."
                " gyrus: this tree's dashboard (NIO server, head deadline 10 s, cap 512 connections);"
                " gyrus-old: the dashboard before issue 11 (JDK HttpServer, 24 threads); py-thread:"
                " Python's ThreadingHTTPServer (a thread per connection, unbounded); py-single:"
                " wsgiref.simple_server (the server optuna-dashboard's run_server uses). Python"
                " servers answer a fixed page, the dashboards the study list (100 trials) from"
                " SQLite. One run on a shared 2-core machine: tails are noisy.\n\nCommand: `%s`\n"
                % (TIMEOUT, TIMEOUT, command))


if __name__ == "__main__":
    main()
