"""hello-ps: proves that a job's cluster spec (TF_CONFIG and PLATFORM_* variables) is right.

A ps task serves line requests on PLATFORM_TASK_PORT; workers, chief and master say hello to
every ps; the chief (or master) then waits until every ps has heard from every worker.
Python 3 standard library only, so the image needs nothing beyond python3-minimal.
"""
import json
import os
import signal
import socket
import sys
import threading
import time

CLUSTER_VARS = {"TF_CONFIG", "MASTER_ADDR", "MASTER_PORT", "WORLD_SIZE", "RANK",
                "NVIDIA_VISIBLE_DEVICES"}
# Secret variables: their value would land in the job's logs, so only their length is printed.
SECRET_VARS = {"PLATFORM_JOB_SECRET"}
CONNECT_SECONDS = 60
WAIT_SECONDS = 120
POLL_SECONDS = 0.2


_output = threading.Lock()


def log(text, stream=sys.stdout):
    # One write per line under a lock, so lines from the ps's connection threads never interleave.
    with _output:
        stream.write(text + "\n")
        stream.flush()


def fail(text):
    log(f"error: {text}", sys.stderr)
    sys.exit(1)


def on_sigterm(signum, frame):
    # os.write, not print: the handler may interrupt a print in progress.
    os.write(1, b"stopping on SIGTERM\n")
    os._exit(0)


def print_environment():
    for name in sorted(os.environ):
        if name in SECRET_VARS:
            log(f"env {name}=({len(os.environ[name])} characters, not shown)")
        elif name.startswith("PLATFORM_") or name in CLUSTER_VARS:
            log(f"env {name}={os.environ[name]}")


def read_task():
    raw = os.environ.get("TF_CONFIG", "")
    try:
        config = json.loads(raw) if raw else {}
    except ValueError as error:
        fail(f"TF_CONFIG is not JSON: {error}")
    cluster = config.get("cluster", {})
    task = config.get("task", {})
    kind = os.environ.get("PLATFORM_TASK_TYPE") or task.get("type", "")
    index = int(os.environ.get("PLATFORM_TASK_INDEX") or task.get("index", 0))
    name = os.environ.get("PLATFORM_TASK_NAME") or (f"{kind}-{index}" if kind else "task")
    return cluster, kind, index, name


def split_address(address):
    host, _, port = address.rpartition(":")
    return host, int(port)


def request(address, line, timeout=5):
    """Sends one request line and returns the reply line; raises OSError when the ps is not up."""
    with socket.create_connection(split_address(address), timeout=timeout) as connection:
        connection.sendall((line + "\n").encode())
        reply = connection.makefile("r").readline()
    if not reply:
        raise OSError("connection closed before a reply")
    return reply.strip()


# ---- ps -------------------------------------------------------------------------------------

class ParameterServer:
    def __init__(self, name):
        self.name = name
        self.senders = set()
        self.lock = threading.Lock()

    def answer(self, line):
        words = line.split()
        if len(words) == 2 and words[0] == "hello":
            sender = words[1]
            with self.lock:
                self.senders.add(sender)
            log(f"{self.name} got hello from {sender}")
            return f"ack {self.name} {sender}"
        if words == ["status"]:
            with self.lock:
                workers = sum(1 for s in self.senders if s.startswith("worker-"))
            return f"seen {workers}"
        return f"error unknown request {line!r}"

    def serve_connection(self, connection):
        with connection, connection.makefile("rw") as stream:
            for line in stream:
                if line.strip():
                    stream.write(self.answer(line.strip()) + "\n")
                    stream.flush()

    def listen(self, port):
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            listener.bind(("0.0.0.0", port))
        except OSError as error:
            fail(f"{self.name} cannot listen on 0.0.0.0:{port}: {error}")
        listener.listen(64)
        log(f"{self.name} listening on 0.0.0.0:{port}")
        return listener

    def accept_forever(self, listener):
        while True:
            connection, _ = listener.accept()
            threading.Thread(target=self.serve_connection_safely, args=(connection,),
                             daemon=True).start()

    def serve_connection_safely(self, connection):
        try:
            self.serve_connection(connection)
        except OSError as error:
            log(f"{self.name}: connection dropped: {error}")


def run_ps(cluster, index, name):
    port = os.environ.get("PLATFORM_TASK_PORT")
    if not port:
        ps_list = cluster.get("ps", [])
        if index >= len(ps_list):
            fail("PLATFORM_TASK_PORT is not set and TF_CONFIG lists no address for this ps")
        port = split_address(ps_list[index])[1]
    server = ParameterServer(name)
    listener = server.listen(int(port))
    if "HELLO_SLEEP_SECONDS" in os.environ:
        # A ps normally serves until killed; with a sleep it serves that long, then ends.
        threading.Thread(target=server.accept_forever, args=(listener,), daemon=True).start()
        return
    server.accept_forever(listener)


# ---- worker, chief, master ------------------------------------------------------------------

def say_hello(name, ps_list):
    deadline = time.monotonic() + CONNECT_SECONDS
    for k, address in enumerate(ps_list):
        while True:
            try:
                reply = request(address, f"hello {name}")
                break
            except OSError as error:
                if time.monotonic() > deadline:
                    fail(f"{name} could not reach ps-{k} at {address} "
                         f"within {CONNECT_SECONDS} s: {error}")
                time.sleep(0.5)
        if reply != f"ack ps-{k} {name}":
            fail(f"{name} expected 'ack ps-{k} {name}' from {address}, got {reply!r}")
        log(f"{name} exchanged with ps-{k} at {address}")


def wait_for_workers(name, ps_list, workers):
    deadline = time.monotonic() + WAIT_SECONDS
    seen = {}
    while True:
        for k, address in enumerate(ps_list):
            try:
                reply = request(address, "status")
                seen[k] = int(reply.split()[1]) if reply.startswith("seen ") else -1
            except OSError:
                seen[k] = -1
        if all(count >= workers for count in seen.values()):
            log(f"{name}: every ps has seen {workers} workers")
            return
        if time.monotonic() > deadline:
            counts = ", ".join(f"ps-{k} {count}" for k, count in sorted(seen.items()))
            fail(f"{name}: after {WAIT_SECONDS} s not every ps has seen {workers} workers "
                 f"({counts})")
        time.sleep(POLL_SECONDS)


# ---- test hooks -----------------------------------------------------------------------------

def exit_code():
    return int(os.environ.get("HELLO_EXIT_CODE", "0"))


def fail_once():
    path = os.environ.get("HELLO_FAIL_ONCE_FILE")
    if not path or os.path.exists(path):
        return
    with open(path, "w") as marker:
        marker.write("failed once\n")
    code = int(os.environ.get("HELLO_EXIT_CODE", "3"))
    log(f"failing once with exit code {code} (created {path})")
    sys.exit(code)


def sleep_ticks():
    seconds = float(os.environ.get("HELLO_SLEEP_SECONDS", "0"))
    tick = 0
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        time.sleep(min(1.0, end - time.monotonic()))
        tick += 1
        log(f"tick {tick}")


def main():
    signal.signal(signal.SIGTERM, on_sigterm)
    print_environment()
    cluster, kind, index, name = read_task()
    fail_once()
    ps_list = cluster.get("ps", [])
    if kind == "ps":
        run_ps(cluster, index, name)
    elif kind in ("worker", "chief", "master") and ps_list:
        say_hello(name, ps_list)
        if kind != "worker":
            wait_for_workers(name, ps_list, len(cluster.get("worker", [])))
    else:
        log(f"{name or 'task'}: no ps to talk to, nothing else to do")
    sleep_ticks()
    # With HELLO_FAIL_ONCE_FILE, HELLO_EXIT_CODE is the failing run's code; the retry succeeds.
    sys.exit(0 if os.environ.get("HELLO_FAIL_ONCE_FILE") else exit_code())


if __name__ == "__main__":
    main()
