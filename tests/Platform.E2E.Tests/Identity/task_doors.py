# A task that tries every door of the platform over loopback, as any job's command could.
# Prints "door NAME STATUS" per attempt, then its environment, then waits to be inspected.
import json, os, socket, time

host, port = os.environ["TARGET"].rsplit(":", 1)
host = host.removeprefix("http://")
victim = os.environ["VICTIM"]
notebook = os.environ["NOTEBOOK"]


# The image's Python has no http or urllib: HTTP/1.1 by hand, which is all a task needs.
def knock(name, method, path, body=None):
    data = b"" if body is None else json.dumps(body).encode()
    request = (f"{method} {path} HTTP/1.1\r\nHost: {host}:{port}\r\nX-Platform-Client: task\r\n"
               f"Content-Type: application/json\r\nContent-Length: {len(data)}\r\nConnection: close\r\n\r\n").encode() + data
    try:
        with socket.create_connection((host, int(port)), timeout=10) as connection:
            connection.sendall(request)
            status = connection.recv(64).split(b" ")[1].decode()
    except (OSError, IndexError) as failed:
        status = "error-" + type(failed).__name__
    print(f"door {name} {status}", flush=True)


# The web UI's page is anyone's: it shows the gateway answers, so the refusals below are about credentials.
knock("web-ui", "GET", "/")
knock("list-jobs", "GET", "/api/jobs")
knock("cancel-victim", "POST", f"/api/jobs/{victim}/cancel", body={})
knock("submit", "POST", "/api/jobs", body={"name": "hijack", "image": "platform/hello-ps:1.0", "command": ["true"],
                                           "replicas": {"worker": {"count": 1}}})
knock("me", "GET", "/api/me")
knock("make-token", "POST", "/api/tokens", body={"user": "mallory", "role": "admin", "teams": ["team-a"]})
knock("hub-negotiate", "POST", "/hubs/jobs/negotiate?negotiateVersion=1", body={})
knock("notebook-proxy", "GET", f"/notebooks/{notebook}/api/contents")
knock("notebook-stop", "DELETE", f"/api/notebooks/{notebook}")
knock("sign-in", "POST", "/api/session", body={"token": ""})
found = [os.path.join(root, name) for root, _, names in os.walk("/") if not root.startswith(("/proc", "/sys"))
         for name in names if name == "admin-token"]
print(f"door admin-token-files {len(found)}", flush=True)
for key, value in sorted(os.environ.items()):
    print(f"env {key}={value}", flush=True)
print("doors done", flush=True)
time.sleep(3600)
