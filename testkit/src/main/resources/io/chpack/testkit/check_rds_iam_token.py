"""Verifies an Amazon RDS IAM authentication token the way Aurora does, for MariaDB's auth_pam.

Run by pam_exec (``auth required pam_exec.so expose_authtok quiet python3 -I <this> <config.json>``): the
password (the token) arrives on stdin, NUL-terminated; the MariaDB user name is in PAM_USER. Exit 0 accepts
the login, anything else refuses it. Python 3 standard library only.

The token is a SigV4 presigned URL without scheme (service ``rds-db``), e.g.
``127.0.0.1:3306/?Action=connect&DBUser=u&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AK%2F20260101%2F
us-east-1%2Frds-db%2Faws4_request&X-Amz-Date=20260101T000000Z&X-Amz-Expires=900&X-Amz-SignedHeaders=host
&X-Amz-Signature=<64 hex>``. Checked: the host:port is one this server answers to, Action=connect, DBUser is
the PAM user, algorithm, credential scope (known access key, region, rds-db, aws4_request, date = X-Amz-Date's
day), signed headers = host, not expired (X-Amz-Date + X-Amz-Expires, at most 900 s, vs now), not from the
future, and the signature recomputed with the configured secret. Every decision is appended to the log.
"""
import datetime
import hashlib
import hmac
import json
import os
import sys
import urllib.parse

MAX_EXPIRES = 900
MAX_SKEW = datetime.timedelta(minutes=5)


def enc(s):
    """RFC 3986 encoding as SigV4 wants it (letters, digits and -_.~ kept)."""
    return urllib.parse.quote(s, safe="-_.~")


def sign(key, msg):
    return hmac.new(key, msg.encode("utf-8"), hashlib.sha256).digest()


def signature(secret, amz_date, region, service, canonical_request):
    day = amz_date[:8]
    scope = "%s/%s/%s/aws4_request" % (day, region, service)
    string_to_sign = "\n".join(["AWS4-HMAC-SHA256", amz_date, scope,
                                hashlib.sha256(canonical_request.encode("utf-8")).hexdigest()])
    k = sign(("AWS4" + secret).encode("utf-8"), day)
    k = sign(k, region)
    k = sign(k, service)
    k = sign(k, "aws4_request")
    return hmac.new(k, string_to_sign.encode("utf-8"), hashlib.sha256).hexdigest()


def check(conf, user, token):
    """Returns None when the token is good, else the reason for refusing it."""
    if "/?" not in token:
        return "not a token (no '/?')"
    hostport, query = token.split("/?", 1)
    if hostport not in conf["endpoints"]:
        return "token is for %s, this server answers to %s" % (hostport, ", ".join(conf["endpoints"]))
    pairs = urllib.parse.parse_qsl(query, keep_blank_values=True, strict_parsing=True)
    params = {}
    for k, v in pairs:
        if k in params:
            return "parameter %s repeated" % k
        params[k] = v
    for required in ("Action", "DBUser", "X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date", "X-Amz-Expires",
                     "X-Amz-SignedHeaders", "X-Amz-Signature"):
        if required not in params:
            return "missing " + required
    if params["Action"] != "connect":
        return "Action is %r, not 'connect'" % params["Action"]
    if params["DBUser"] != user:
        return "DBUser %r is not the login user %r" % (params["DBUser"], user)
    if params["X-Amz-Algorithm"] != "AWS4-HMAC-SHA256":
        return "unsupported algorithm " + params["X-Amz-Algorithm"]
    cred = params["X-Amz-Credential"].split("/")
    if len(cred) != 5:
        return "malformed credential " + params["X-Amz-Credential"]
    access_key, day, region, service, term = cred
    if access_key != conf["access_key"]:
        return "unknown access key " + access_key
    if region != conf["region"]:
        return "credential scoped to region %s, not %s" % (region, conf["region"])
    if service != "rds-db" or term != "aws4_request":
        return "credential scoped to %s/%s, not rds-db/aws4_request" % (service, term)
    if params["X-Amz-SignedHeaders"] != "host":
        return "signed headers are %r, not 'host'" % params["X-Amz-SignedHeaders"]
    amz_date = params["X-Amz-Date"]
    try:
        issued = datetime.datetime.strptime(amz_date, "%Y%m%dT%H%M%SZ").replace(tzinfo=datetime.timezone.utc)
        expires = int(params["X-Amz-Expires"])
    except ValueError as e:
        return "bad date or expiry: %s" % e
    if day != amz_date[:8]:
        return "credential date %s differs from X-Amz-Date %s" % (day, amz_date)
    if expires <= 0 or expires > MAX_EXPIRES:
        return "X-Amz-Expires %d out of range 1..%d" % (expires, MAX_EXPIRES)
    now = datetime.datetime.now(datetime.timezone.utc)
    if now > issued + datetime.timedelta(seconds=expires):
        return "token expired at %s (now %s)" % ((issued + datetime.timedelta(seconds=expires)).isoformat(),
                                                   now.isoformat())
    if issued > now + MAX_SKEW:
        return "token issued in the future (%s)" % issued.isoformat()
    canonical_query = "&".join(sorted(
        "%s=%s" % (enc(k), enc(v)) for k, v in pairs if k != "X-Amz-Signature"))
    given = params["X-Amz-Signature"].lower()
    # The presign hashes an empty payload; UNSIGNED-PAYLOAD is the other form SigV4 presigners use.
    for payload_hash in (hashlib.sha256(b"").hexdigest(), "UNSIGNED-PAYLOAD"):
        canonical_request = "\n".join(["GET", "/", canonical_query, "host:" + hostport, "", "host", payload_hash])
        if hmac.compare_digest(signature(conf["secret"], amz_date, region, service, canonical_request), given):
            return None
    return "signature does not match"


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        conf = json.load(f)
    user = os.environ.get("PAM_USER", "")
    raw = sys.stdin.buffer.read(4096)
    token = raw.split(b"\0", 1)[0].decode("utf-8", "replace").strip("\r\n")
    try:
        reason = check(conf, user, token)
    except Exception as e:  # a malformed token must refuse, never crash open
        reason = "error: %r" % (e,)
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    line = "%s %s %s%s\n" % (stamp, "ACCEPT" if reason is None else "REFUSE", user,
                             "" if reason is None else ": " + reason)
    try:
        with open(conf["log"], "a", encoding="utf-8") as f:
            f.write(line)
    except OSError:
        pass
    return 0 if reason is None else 1


if __name__ == "__main__":
    sys.exit(main())
