"""Rules whose details matter, held line by line: what the sensitive-data rule must and must not flag.

Each test edits a good example the way a rep would and asserts the exact findings (line, column,
message) through the CLI, so a changed pattern, boundary or checksum shows up as a changed list.
"""

from __future__ import annotations

from conftest import good_example, write

NORTHWIND = good_example("sales-to-cs").read_text(encoding="utf-8")
REFS = "## Attachments / References\n"

SECRETS = """\
- Card on file: 4111 1111 1111 1111 (expires 12/28)
- Second card 5555-5555-5555-4444
- Amex 378282246310005
- Not cards: 4111 1111 1111 1112, 1234 5678 9012 3452, order 44111111111111111, ref -4111111111111111
- SSN 123-45-6789; not SSNs: 000-12-3456, 666-12-3456, 912-12-3456, 123-00-4567, 123-45-0000
- Not SSNs either: 000-12-3456, 666-12-3456, 912-12-3456, 123-00-4567, 123-45-0000, 1123-45-6789
- NI AB 12 34 56 C
- Not NI: GB 12 34 56 A, ZZ123456D, XAB123456C
- AWS AKIAIOSFODNN7EXAMPLE
- Not AWS: XAKIAIOSFODNN7EXAMPLE, AKIAIOSFODNN7EXAMPLEX
- GitHub ghp_abcdefghijklmnopqrstuvwxyz0123456789 and Slack xoxb-1234567890-abcdef
- Stripe sk_live_abcdefghijklmnop1234 and Google AIzaSyA1234567890abcdefghijklmnopqrstuv
- Password is hunter2222
- Not passwords: mypassword: hunter2222; pwd=ab, the password policy
- API_KEY = "abcdef1234567890abcd"
- bearer: tok_abcdefghijkl
-----BEGIN RSA PRIVATE KEY-----
"""

ROTATE = "; remove it and rotate it if it was real"
CARD = "looks like a payment card number; remove it"


def test_sensitive_data_flags_each_secret_once_per_line_and_no_look_alikes(run, tmp_path):
    doc = write(tmp_path, "h.md", NORTHWIND.replace(REFS, REFS + SECRETS, 1))
    data = run(doc, "--format", "json").json()["files"][0]
    found = [(f["line"], f["column"], f["message"]) for f in data["findings"] if f["code"] == "HL470"]
    first = 1 + NORTHWIND.split("\n").index(REFS.strip())
    expected = [
        (1, 17, CARD),
        (2, 15, CARD),
        (3, 8, CARD),
        (5, 7, "looks like a US social security number" + ROTATE),
        (7, 6, "looks like a UK National Insurance number" + ROTATE),
        (9, 7, "looks like an AWS access key" + ROTATE),
        (11, 10, "looks like a GitHub token" + ROTATE),
        (11, 61, "looks like a Slack token" + ROTATE),
        (12, 10, "looks like a Stripe secret key" + ROTATE),
        (12, 50, "looks like a Google API key" + ROTATE),
        (13, 3, "looks like a password" + ROTATE),
        (15, 3, "looks like an API key or token" + ROTATE),
        (16, 3, "looks like an API key or token" + ROTATE),
        (17, 1, "looks like a private key" + ROTATE),
    ]
    assert found == [(first + n, column, message) for n, column, message in expected]
    assert not data["passed"]
    messages = " ".join(f["message"] for f in data["findings"])
    assert not any(value in messages for value in ("hunter2222", "4111 1111", "AKIAIOSFODNN7", "123-45-6789"))
