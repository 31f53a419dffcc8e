#!/usr/bin/env python3
"""Login burst check (issue 12): N concurrent wrong-password logins from N
addresses (X-Forwarded-For through a trusted proxy) against a running
`samspill serve`, while one respondent saves an answer every 100 ms.
Prints the login outcomes, how long they took, the respondent's slowest
save during the burst, and the server's peak resident memory (VmHWM).
Not a test; run by bench/login/run.sh.

    burst.py BASE_URL PID TOKEN [N]
"""
import sys
import threading
import time
import urllib.error
import urllib.request

base, pid, token = sys.argv[1], int(sys.argv[2]), sys.argv[3]
n = int(sys.argv[4]) if len(sys.argv) > 4 else 200


def post(path, body, headers=None):
    req = urllib.request.Request(base + path, data=body.encode(), method="POST")
    req.add_header("Content-Type", "application/x-www-form-urlencoded")
    for k, v in (headers or {}).items():
        req.add_header(k, v)
    t = time.monotonic()
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            code = r.status
    except urllib.error.HTTPError as e:
        code = e.code
    except Exception:
        code = -1
    return code, time.monotonic() - t


def rss():
    with open(f"/proc/{pid}/status") as f:
        fields = dict(line.split(":", 1) for line in f if ":" in line)
    return int(fields["VmRSS"].split()[0]) // 1024, int(fields["VmHWM"].split()[0]) // 1024


results = []
saves = []
stop = threading.Event()


def respondent():
    while not stop.is_set():
        code, took = post(f"/s/{token}/ratings", "r_coordination=4", {"X-Autosave": "1"})
        saves.append((code, took))
        time.sleep(0.1)


def attacker(i):
    code, took = post("/login", "email=kari%40k.example&password=wrong-password-x",
                      {"X-Forwarded-For": f"10.{i // 250}.{i % 250}.7"})
    results.append((code, took))


before = rss()
r = threading.Thread(target=respondent)
r.start()
time.sleep(0.5)
saves.clear()
t0 = time.monotonic()
threads = [threading.Thread(target=attacker, args=(i,)) for i in range(n)]
for t in threads:
    t.start()
peak = before
while any(t.is_alive() for t in threads):
    peak = max(peak, rss(), key=lambda x: x[0])
    time.sleep(0.05)
burst = time.monotonic() - t0
stop.set()
r.join()
after = rss()
codes = {}
for c, _ in results:
    codes[c] = codes.get(c, 0) + 1
slowest = max(t for _, t in results)
print(f"logins: {n} at once from {n} addresses in {burst:.1f} s; outcomes {dict(sorted(codes.items()))}; slowest answer {slowest:.2f} s")
print(f"respondent saves during the burst: {len(saves)}, slowest {max(t for _, t in saves) * 1000:.0f} ms, all ok: {all(c == 200 for c, _ in saves)}")
print(f"server memory: before {before[0]} MB, peak resident {peak[0]} MB (high-water mark {after[1]} MB), after {after[0]} MB")
