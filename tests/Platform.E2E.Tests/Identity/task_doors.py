# A task that tries every door of the platform over loopback, as any job's command could.
# Prints "door NAME STATUS" per attempt, then its environment, then waits to be inspected.
import json, os, time, urllib.error, urllib.request

base = os.environ["TARGET"]
victim = os.environ["VICTIM"]
notebook = os.environ["NOTEBOOK"]


def knock(name, method, path, body=None, headers=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(base + path, data=data, method=method,
                                     headers={"X-Platform-Client": "task", "Content-Type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            status = answer.status
    except urllib.error.HTTPError as refused:
        status = refused.code
    except OSError as failed:
        status = "error-" + type(failed).__name__
    print(f"door {name} {status}", flush=True)


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
