#!/usr/bin/env python3
"""Keeps the server's messages and their Chinese catalog in step (core/messages.h).

Reads every message the C++ sources give a client — Error::invalid(field, "…"), Error::notFound,
conflict, denied, unauthenticated, Error{Code::k…, "…"}, and say(…, "…") — as a template in which
each part that is not a string literal is a hole "{}", and fails when
  - a message has no entry in src/core/messages/zh-CN.tsv,
  - a message chooses between texts inside the expression (a ternary): write each whole sentence
    in its own branch, so that each can be translated,
  - the catalog has a sentence (an entry with a space) that no source builds any more.
Entries without a space are terms (field names, states), translated where they fill a hole.

Internal and unavailable errors are not checked: their text is never sent. Messages read only by
the operator at the command line (configuration, certificates, backups) are exempt by file.

    python3 tools/check-messages.py            (from the repository root; ctest runs it)
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
CATALOG = SRC / "core" / "messages" / "zh-CN.tsv"

# Files whose messages only the operator reads, in English, at the command line or in the log.
OPERATOR_ONLY = {
    "app/cert.cc",       # anlan cert: the self-signed certificate tool
    "app/main.cc",       # command-line arguments
    "app/demo.cc",       # the demo seed, run by make run
    "core/config.cc",    # the configuration file
    "db/open.cc",        # the database URL in the configuration
    "db/migrate.cc",     # schema migrations at start-up
    "http/server.cc",    # the listen address; malformed requests no page makes
    "http/static_files.cc",
    "core/messages.cc",    # the catalog's own parse errors, found by the unit tests
}
# Messages in operator-only paths of files that also talk to users (backups, testing clock).
OPERATOR_MESSAGES = {
    "backup target exists: {}",
    "path and URL must not contain quotes",
    "testing_clock is off",
    "testing_clock is only allowed on a loopback listen address",
    "the testing clock must be the server's clock",
    "advance_ms must not be negative",
    "ice_servers are stun:, turn: or turns: URLs, got '{}'",
    "webhook_secret must be at least 16 bytes when webhook_url is set",
    "webhook_timeout_ms must be at least 100",
    "cannot load the TLS certificate or key: {}",
    "the common-password dictionary cannot be read: install cracklib-runtime",
    "calendar_utc_offset must look like +08:00 (got '{}')",
    "{} must be an http:// or https:// URL with a host",  # webhook_url
}

# The default messages of Error::denied() and Error::unauthenticated() (core/result.h).
DEFAULTS = {"not permitted", "not signed in"}

CALL = re.compile(
    r"\bError::(invalid|notFound|conflict|denied|unauthenticated|internal|unavailable)\(|"
    r"\bError\{\s*Code::k(\w+)\s*,|"
    r"\b(?:messages::|http::)?say\(")
LITERAL = re.compile(r'"((?:[^"\\]|\\.)*)"')


def skip_quoted(s, j):
    """The index after the string or character literal starting at s[j]."""
    q = s[j]
    k = j + 1
    while s[k] != q:
        if s[k] == "\\":
            k += 1
        k += 1
    return k + 1


def arguments(s, i):
    """The top-level arguments of the call whose '(' or '{' ends just before s[i]."""
    depth, cur, out, j = 1, "", [], i
    while j < len(s):
        c = s[j]
        if c in "\"'":
            k = skip_quoted(s, j)
            cur += s[j:k]
            j = k
            continue
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
            if depth == 0:
                out.append(cur)
                return out
        elif c == "," and depth == 1:
            out.append(cur)
            cur = ""
            j += 1
            continue
        cur += c
        j += 1
    return out


def unescape(text):
    return text.encode("latin-1", "backslashreplace").decode("unicode_escape").encode(
        "latin-1").decode("utf-8") if "\\" in text else text


def template(expr):
    """(template, problem): the message with '{}' for each part that is not a literal."""
    parts, depth, cur, j = [], 0, "", 0
    while j < len(expr):
        c = expr[j]
        if c in "\"'":
            k = skip_quoted(expr, j)
            cur += expr[j:k]
            j = k
            continue
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        if depth == 0 and c == "?":
            return None, "chooses between texts with '?': write each sentence whole"
        if depth == 0 and c == "+":
            parts.append(cur)
            cur = ""
            j += 1
            continue
        cur += c
        j += 1
    parts.append(cur)
    out = ""
    for p in parts:
        p = p.strip()
        m = re.fullmatch(r'(?:std::string\(\s*)?((?:"(?:[^"\\]|\\.)*"\s*)+)\)?', p)
        out += "".join(unescape(x) for x in LITERAL.findall(m.group(1))) if m else "{}"
    return out, None


def messages():
    """{template: [where, …]} and a list of problems."""
    found, problems = {t: ["src/core/result.h"] for t in DEFAULTS}, []
    for f in sorted(SRC.rglob("*.cc")) + sorted(SRC.rglob("*.h")):
        rel = f.relative_to(SRC).as_posix()
        if rel in OPERATOR_ONLY or rel == "core/messages.h":
            continue
        s = f.read_text(encoding="utf-8")
        for m in CALL.finditer(s):
            kind = m.group(1) or m.group(2)
            if kind in ("internal", "unavailable", "Internal", "Unavailable"):
                continue
            args = arguments(s, m.end())
            if not args:
                continue
            if m.group(1) == "invalid" or (m.group(0).endswith("say(") and len(args) == 2
                                           and '"' not in args[0]):
                msg = args[1] if len(args) > 1 else ""
            else:
                msg = args[0]
            if '"' not in msg:
                continue  # a message made elsewhere, passed on
            where = f"src/{rel}:{s.count(chr(10), 0, m.start()) + 1}"
            t, problem = template(msg)
            if problem:
                problems.append(f"{where}: the message {problem}")
                continue
            if t in OPERATOR_MESSAGES or not t.strip():
                continue
            found.setdefault(t, []).append(where)
    return found, problems


def catalog():
    entries = {}
    for n, line in enumerate(CATALOG.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        en, _, _ = line.partition("\t")
        entries[en] = n
    return entries


def main():
    found, problems = messages()
    entries = catalog()
    for t, where in sorted(found.items()):
        if t not in entries:
            problems.append(f"{where[0]}: no translation in {CATALOG.relative_to(ROOT)} for: {t}")
    for en, n in sorted(entries.items(), key=lambda e: e[1]):
        if " " in en and en not in found:
            problems.append(f"{CATALOG.relative_to(ROOT)}:{n}: no source says this any more: {en}")
    for p in problems:
        print(p)
    print(f"check-messages: {len(found)} messages, {len(entries)} catalog entries, "
          f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
