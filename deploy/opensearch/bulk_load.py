#!/usr/bin/env python3
"""Loads one NDJSON file of `trichdan export` into an OpenSearch index.

Owns: creating the index from a mapping file (an index that already exists is kept as it is),
streaming the file line by line into `_bulk` requests of at most --batch-mb MB (a single line
larger than that goes alone), stopping at the first rejected document with its reason, and
printing what was sent. It does not own the mapping (deploy/opensearch/*.mapping.json) nor the
export's format (src/export.rs). Standard library only.

    python3 deploy/opensearch/bulk_load.py --url http://localhost:9200 \
        --index trichdan-documents --mapping deploy/opensearch/documents.mapping.json \
        --file export/documents.ndjson --id-field id
    python3 deploy/opensearch/bulk_load.py --url http://localhost:9200 \
        --index trichdan-edges --mapping deploy/opensearch/edges.mapping.json \
        --file export/edges.ndjson

Basic auth from OPENSEARCH_USER / OPENSEARCH_PASSWORD when set; --insecure skips TLS checks.
"""

import argparse
import base64
import json
import os
import ssl
import sys
import time
import urllib.error
import urllib.request


def request(args, method, path, body=None, content_type="application/json"):
    """Sends one request; returns (status, parsed JSON body). Retries 429 a few times."""
    headers = {"Content-Type": content_type}
    user = os.environ.get("OPENSEARCH_USER")
    if user:
        pair = f"{user}:{os.environ.get('OPENSEARCH_PASSWORD', '')}".encode()
        headers["Authorization"] = "Basic " + base64.b64encode(pair).decode()
    context = ssl._create_unverified_context() if args.insecure else None
    url = args.url.rstrip("/") + path
    for attempt in range(6):
        req = urllib.request.Request(url, data=body, method=method, headers=headers)
        try:
            with urllib.request.urlopen(req, context=context) as resp:
                return resp.status, json.loads(resp.read() or b"{}")
        except urllib.error.HTTPError as err:
            if err.code == 429 and attempt < 5:
                time.sleep(2 ** attempt)
                continue
            text = err.read()
            try:
                return err.code, json.loads(text)
            except ValueError:
                return err.code, {"error": text.decode("utf-8", "replace")}
        except urllib.error.URLError as err:
            sys.exit(f"{url}: {err.reason}")


def create_index(args):
    with open(args.mapping, "rb") as f:
        status, resp = request(args, "PUT", f"/{args.index}", f.read())
    if status == 400 and "resource_already_exists_exception" in json.dumps(resp):
        print(f"index {args.index} exists; loading into it", file=sys.stderr)
    elif status >= 300:
        sys.exit(f"creating {args.index} failed ({status}): {json.dumps(resp)}")


def send(args, batch):
    status, resp = request(args, "POST", "/_bulk", b"".join(batch), "application/x-ndjson")
    if status >= 300:
        sys.exit(f"_bulk failed ({status}): {json.dumps(resp)[:2000]}")
    if resp.get("errors"):
        for item in resp.get("items", []):
            result = next(iter(item.values()))
            if "error" in result:
                sys.exit(f"document {result.get('_id')} rejected: {json.dumps(result['error'])}")
        sys.exit("_bulk reported errors without a failed item")


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--url", required=True, help="e.g. http://localhost:9200")
    p.add_argument("--index", required=True)
    p.add_argument("--mapping", required=True, help="index body: settings and mappings")
    p.add_argument("--file", required=True, help="NDJSON written by trichdan export")
    p.add_argument("--id-field", help="field whose value is the document _id (none: ids generated)")
    p.add_argument("--batch-mb", type=float, default=8.0, help="largest _bulk body, MB (default 8)")
    p.add_argument("--insecure", action="store_true", help="skip TLS certificate verification")
    args = p.parse_args()

    create_index(args)
    limit = int(args.batch_mb * 1024 * 1024)
    batch, size, docs, requests = [], 0, 0, 0
    with open(args.file, "rb") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip(b"\r\n")
            if not line.strip():
                continue
            action = {"_index": args.index}
            if args.id_field:
                value = json.loads(line).get(args.id_field)
                if value is None:
                    sys.exit(f"{args.file}:{number}: no {args.id_field}")
                action["_id"] = str(value)
            pair = json.dumps({"index": action}).encode() + b"\n" + line + b"\n"
            if batch and size + len(pair) > limit:
                send(args, batch)
                requests += 1
                batch, size = [], 0
            batch.append(pair)
            size += len(pair)
            docs += 1
    if batch:
        send(args, batch)
        requests += 1
    request(args, "POST", f"/{args.index}/_refresh")
    _, count = request(args, "GET", f"/{args.index}/_count")
    print(f"{docs} documents sent in {requests} _bulk requests; {args.index} holds {count.get('count')}")


if __name__ == "__main__":
    main()
