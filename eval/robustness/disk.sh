#!/usr/bin/env bash
# A full disk and a read-only index folder, as an office machine meets them. Needs root (a
# small tmpfs and a read-only bind mount: root ignores permission bits) and curl.
#
#   sudo bash eval/robustness/disk.sh
#
# Full: the samples' index on an 8 MB tmpfs, uploads of 300 KB plans until the disk refuses;
# each refusal must say so, reads must go on answering, and once space is freed uploads must
# work again with nothing committed lost and `trichdan check` passing. Read-only: the index
# bind-mounted read-only; the server must serve reads and refuse writes with a clear message,
# and `trichdan add` must fail saying why.
set -euo pipefail
cd "$(dirname "$0")/../.."
. eval/robustness/common.sh
BIN=${BIN:-$PWD/target/release/trichdan}
OUT=${OUT:-/tmp/trichdan-disk}
PORT=${PORT:-18932}
TOKEN=disk-test
test -x "$BIN" || cargo build --release
umount "$OUT/small" 2> /dev/null || true
umount "$OUT/ro" 2> /dev/null || true
rm -rf "$OUT" && mkdir -p "$OUT/small" "$OUT/ro" "$OUT/docs"
mount -t tmpfs -o size=8m tmpfs "$OUT/small"
"$BIN" index --corpus corpus/samples --index "$OUT/small/index" 2> /dev/null


# A plan of about 300 KB, unique by its number.
big_plan() {
  printf 'TỈNH ỦY BẮC NINH\nSố %s-KH/TU\nKẾ HOẠCH\nThực hiện Kết luận số 21-KL/TW ngày 25/10/2021\n' "$1"
  for i in $(seq 1500); do
    printf 'Mục %s.%s: tổ chức quán triệt, tuyên truyền sâu rộng nội dung Kết luận trong cán bộ, đảng viên và Nhân dân %s.\n' "$1" "$i" "$RANDOM"
  done
}

echo "== a full disk"
"$BIN" serve --index "$OUT/small/index" --addr "127.0.0.1:$PORT" --write-token "$TOKEN" 2> "$OUT/serve.log" & pid=$!
ready
acked=()
refused=0
for n in $(seq 60); do
  big_plan "d$n" > "$OUT/docs/d$n.txt"
  code=$(curl -s -o "$OUT/answer" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" \
    -F "file=@$OUT/docs/d$n.txt" "http://127.0.0.1:$PORT/api/documents")
  if [ "$code" = 201 ]; then
    acked+=("d$n")
  else
    refused=$((refused + 1))
    echo "upload d$n: $code $(cat "$OUT/answer")"
    search=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/api/search?q=ke+hoach")
    echo "  a search meanwhile: $search"
    [ "$search" = 200 ] || { echo "reads stopped on a full disk"; exit 1; }
    [ "$refused" -ge 3 ] && break
  fi
done
echo "acknowledged before the disk filled: ${#acked[@]}"
df -h "$OUT/small" | tail -1
kill $pid; wait $pid 2> /dev/null || true

echo "== space freed"
rm -f "$OUT/small/index"/*.tmp 2> /dev/null || true
mount -o remount,size=64m "$OUT/small"
"$BIN" serve --index "$OUT/small/index" --addr "127.0.0.1:$PORT" --write-token "$TOKEN" 2> "$OUT/serve.log" & pid=$!
ready
for id in "${acked[@]}"; do
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/api/documents/$id")
  [ "$code" = 200 ] || { echo "lost after a full disk: $id ($code)"; exit 1; }
done
echo "all ${#acked[@]} acknowledged uploads there"
big_plan "after" > "$OUT/docs/after.txt"
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" \
  -F "file=@$OUT/docs/after.txt" "http://127.0.0.1:$PORT/api/documents")
echo "an upload once space is back: $code"
[ "$code" = 201 ]
kill $pid; wait $pid 2> /dev/null || true
"$BIN" check --index "$OUT/small/index"

echo "== a read-only index folder"
"$BIN" index --corpus corpus/samples --index "$OUT/rw" 2> /dev/null
mount --bind "$OUT/rw" "$OUT/ro"
mount -o remount,bind,ro "$OUT/ro"
"$BIN" serve --index "$OUT/ro" --addr "127.0.0.1:$PORT" --write-token "$TOKEN" 2> "$OUT/serve.log" & pid=$!
ready
search=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/api/search?q=ke+hoach")
echo "a search: $search"
[ "$search" = 200 ]
health=$(curl -s "http://127.0.0.1:$PORT/api/health")
echo "health: $health"
echo "$health" | grep -q '"writes":false'
big_plan "ro" > "$OUT/docs/ro.txt"
code=$(curl -s -o "$OUT/answer" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" \
  -F "file=@$OUT/docs/ro.txt" "http://127.0.0.1:$PORT/api/documents")
echo "an upload: $code $(cat "$OUT/answer")"
[ "$code" != 201 ]
kill $pid; wait $pid 2> /dev/null || true
if "$BIN" add --index "$OUT/ro" "$OUT/docs/ro.txt" 2> "$OUT/add.err"; then
  echo "add wrote to a read-only folder"; exit 1
fi
echo "trichdan add: $(cat "$OUT/add.err")"
umount "$OUT/ro"
umount "$OUT/small"
echo "done"
