#!/usr/bin/env python3
"""Do sign-in and sign-up take as long for a registered address as for an unknown one?

A measurement, not a test: it prints the median (and p90) server time of each kind of answer and one JSON line. Run it
against a Development host of your own whose rate limits are out of the way, e.g.

    export ASPNETCORE_ENVIRONMENT=Development MARKETPLACE_DATA_DIR=/tmp/probe-data
    export Database__ConnectionString="Host=127.0.0.1;Port=55432;Database=<a fresh database>;Username=...;Password=..."
    export Identity__RateLimits__SignInPerWindow=100000 Identity__RateLimits__SignUpPerWindow=100000
    dotnet src/Marketplace.Web/bin/Release/net10.0/Marketplace.Web.dll --urls http://127.0.0.1:5180 &
    python3 tests/Probes/account_timing.py --url http://127.0.0.1:5180 --samples 200

Each sample loads the form first (its antiforgery token and cookie, not timed) and times the POST alone. The kinds are
interleaved, so a change in the machine's load falls on all of them alike. Kinds:
  sign_up_new        an address nobody uses (the account is created and a confirmation mailed)
  sign_up_taken      an address with an account (its owner is mailed instead)
  sign_in_unknown    an address nobody uses
  sign_in_wrong      a registered address with a wrong password (at most 4 per account, so none is locked)
  sign_in_locked     a registered address locked by 5 wrong passwords, with its right password
Needs --samples of at least 40 (twenty accounts are locked, again every five minutes, for the last kind).
"""
import argparse
import http.cookiejar
import json
import re
import statistics
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

TOKEN = re.compile(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"')
PASSWORD = "a long and unusual passphrase 7"


def session():
    jar = http.cookiejar.CookieJar()

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)


def timed_post(base, page, fields):
    """Loads the page's form, then posts it: returns (status, seconds of the POST alone)."""
    opener = session()
    html = opener.open(base + page).read().decode()
    token = TOKEN.search(html)
    if token is None:
        raise SystemExit(f"no antiforgery token on {page}")
    body = urllib.parse.urlencode({**fields, "__RequestVerificationToken": token.group(1)}).encode()
    started = time.perf_counter()
    try:
        with opener.open(base + page, body) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        error.read()
        status = error.code
    return status, time.perf_counter() - started


def sign_up(base, email):
    return timed_post(base, "/Account/SignUp", {"Input.Kind": "JobSeeker", "Input.Email": email, "Input.Password": PASSWORD})


def sign_in(base, email, password):
    return timed_post(base, "/Account/SignIn", {"Input.Email": email, "Input.Password": password})


def summary(samples):
    ordered = sorted(samples)
    return {"median_ms": round(statistics.median(ordered) * 1000, 2), "p90_ms": round(ordered[int(len(ordered) * 0.9) - 1] * 1000, 2), "n": len(ordered)}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default="http://127.0.0.1:5180")
    parser.add_argument("--samples", type=int, default=200, help="samples of each kind")
    args = parser.parse_args()
    base = args.url.rstrip("/")
    run = uuid.uuid4().hex[:8]
    kinds = {k: [] for k in ("sign_up_new", "sign_up_taken", "sign_in_unknown", "sign_in_wrong", "sign_in_locked")}

    # Warm-up: the first requests pay for JIT and connection pools.
    for i in range(5):
        sign_up(base, f"warm.{run}.{i}@example.com")
        sign_in(base, f"warm.{run}.{i}@example.com", "not the password at all")

    registered = []
    for i in range(args.samples):
        email = f"probe.{run}.{i}@example.com"
        pair = [("sign_up_new", lambda: sign_up(base, email))]
        if registered:
            taken = registered[i % len(registered)]
            pair.append(("sign_up_taken", lambda: sign_up(base, taken)))
        for kind, call in pair if i % 2 == 0 else reversed(pair):
            status, seconds = call()
            if status != 302:
                raise SystemExit(f"{kind}: answered {status}")
            kinds[kind].append(seconds)
        registered.append(email)

    # Twenty accounts locked by five wrong passwords each; the others get at most four, so none of them locks.
    locked = registered[:20]

    def lock_them():
        for email in locked:
            for n in range(5):
                sign_in(base, email, f"locking password number {n}")
        return time.monotonic()

    locked_at = lock_them()
    wrong = [(email, n) for email in registered[20:] for n in range(4)]
    for i in range(args.samples):
        if time.monotonic() - locked_at > 280:
            # A lockout lasts five minutes and attempts during it do not count: wait it out, then lock again.
            time.sleep(max(0.0, locked_at + 302 - time.monotonic()))
            locked_at = lock_them()
        email, n = wrong[i % len(wrong)]
        trio = [("sign_in_wrong", lambda: sign_in(base, email, f"wrong password number {n}")),
                ("sign_in_unknown", lambda: sign_in(base, f"nobody.{run}.{i}@example.com", f"wrong password number {n}")),
                ("sign_in_locked", lambda: sign_in(base, locked[i % len(locked)], PASSWORD))]
        for kind, call in trio[i % 3:] + trio[:i % 3]:
            status, seconds = call()
            if status != 200:
                raise SystemExit(f"{kind}: answered {status}")
            kinds[kind].append(seconds)

    result = {kind: summary(samples) for kind, samples in kinds.items() if samples}
    for kind, figures in result.items():
        print(f"{kind:16} median {figures['median_ms']:8.2f} ms   p90 {figures['p90_ms']:8.2f} ms   n={figures['n']}")
    print(json.dumps({
        "sign_up_new_p50_ms": result["sign_up_new"]["median_ms"],
        "sign_up_taken_p50_ms": result["sign_up_taken"]["median_ms"],
        "sign_in_unknown_p50_ms": result["sign_in_unknown"]["median_ms"],
        "sign_in_wrong_p50_ms": result["sign_in_wrong"]["median_ms"],
        "sign_in_locked_p50_ms": result["sign_in_locked"]["median_ms"],
        "samples": args.samples,
    }))


if __name__ == "__main__":
    main()
