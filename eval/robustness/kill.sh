#!/usr/bin/env bash
# Crashes at random moments, and nothing acknowledged lost. Each round kills -9, at a random
# moment, one of: the server while it takes uploads and deletes, `trichdan add`, or
# `trichdan index`. Then the index is opened again, `trichdan check` must pass, and every
# upload the server acknowledged (201) must be there unless a later acknowledged delete (200)
# removed it.
#
#   bash eval/robustness/kill.sh            # 50 rounds; ROUNDS=200 for more
#
# Needs: curl; target/release/trichdan (built when missing).
set -euo pipefail
cd "$(dirname "$0")/../.."
. eval/robustness/common.sh
ROUNDS=${ROUNDS:-50}
BIN=${BIN:-target/release/trichdan}
OUT=${OUT:-/tmp/trichdan-kill}
TOKEN=kill-test
PORT=${PORT:-18931}
test -x "$BIN" || cargo build --release
rm -rf "$OUT" && mkdir -p "$OUT/docs"
INDEX="$OUT/index"
ACKED="$OUT/acked" DELETED="$OUT/deleted" TRIED="$OUT/delete-tried"
: > "$ACKED"; : > "$DELETED"; : > "$TRIED"
"$BIN" index --corpus corpus/samples --index "$INDEX" 2> /dev/null

# A plan citing 21-KL/TW, unique by its number.
plan() {
  printf 'TỈNH ỦY BẮC NINH\nSố %s-KH/TU\nKẾ HOẠCH\nThực hiện Kết luận số 21-KL/TW ngày 25/10/2021 về chỉnh đốn Đảng (đợt %s)\n' "$1" "$1"
}


# Uploads (and now and then deletes) until killed; what the server acknowledged is written.
writer() {
  local round=$1 n=0
  while :; do
    n=$((n + 1))
    local id="k${round}x${n}"
    plan "$id" > "$OUT/docs/$id.txt"
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" \
      -F "file=@$OUT/docs/$id.txt" "http://127.0.0.1:$PORT/api/documents" || true)
    [ "$code" = 201 ] && echo "$id" >> "$ACKED"
    if [ $((n % 3)) = 0 ]; then
      local gone="k${round}x$((n - 1))"
      # a delete the crash cut short may or may not have been committed: either is right
      echo "$gone" >> "$TRIED"
      code=$(curl -s -o /dev/null -w '%{http_code}' -X DELETE -H "Authorization: Bearer $TOKEN" \
        "http://127.0.0.1:$PORT/api/documents/$gone" || true)
      [ "$code" = 200 ] && echo "$gone" >> "$DELETED"
    fi
  done
}

pause() { sleep "$(awk -v r=$RANDOM 'BEGIN { printf "%.2f", 0.05 + (r % 200) / 100 }')"; }

for round in $(seq "$ROUNDS"); do
  case $((round % 5)) in
    0) # `add` killed mid-way
      for i in $(seq 20); do plan "a${round}x$i" > "$OUT/docs/a${round}x$i.txt"; done
      "$BIN" add --index "$INDEX" "$OUT"/docs/a"${round}"x*.txt 2> /dev/null & pid=$!
      pause; kill -9 $pid 2> /dev/null || true; wait $pid 2> /dev/null || true
      what=add ;;
    1) # `index` killed mid-build: the index holds the old build or the new one
      "$BIN" index --corpus corpus --index "$OUT/rebuilt" 2> /dev/null & pid=$!
      pause; kill -9 $pid 2> /dev/null || true; wait $pid 2> /dev/null || true
      if "$BIN" check --index "$OUT/rebuilt" > "$OUT/check-rebuilt" 2>&1; then :
      elif grep -q "graph\|đồ thị" "$OUT/check-rebuilt"; then
        "$BIN" search --index "$OUT/rebuilt" --corpus /nonexistent x > /dev/null 2>&1 || true
        "$BIN" check --index "$OUT/rebuilt" > "$OUT/check-rebuilt" 2>&1 \
          || { echo "round $round: rebuilt index fails check"; cat "$OUT/check-rebuilt"; exit 1; }
      elif ! grep -q "chưa có chỉ mục" "$OUT/check-rebuilt"; then
        echo "round $round: a killed build left a broken index"; cat "$OUT/check-rebuilt"; exit 1
      fi
      what=index ;;
    *) # the server killed while it takes uploads and deletes
      "$BIN" serve --index "$INDEX" --addr "127.0.0.1:$PORT" --write-token "$TOKEN" 2> "$OUT/serve.log" & pid=$!
      ready || { echo "round $round: server not ready"; cat "$OUT/serve.log"; exit 1; }
      writer "$round" & wpid=$!
      pause; kill -9 $pid; wait $pid 2> /dev/null || true
      kill $wpid 2> /dev/null || true; wait $wpid 2> /dev/null || true
      what=serve ;;
  esac
  # opened again (the graph of a commit the crash did not save is rebuilt), then checked
  "$BIN" search --index "$INDEX" --corpus /nonexistent x > /dev/null 2>&1 || true
  "$BIN" check --index "$INDEX" > "$OUT/check" 2>&1 || { echo "round $round ($what): check failed"; cat "$OUT/check"; exit 1; }
  echo "round $round ($what): check passed; $(wc -l < "$ACKED") uploads and $(wc -l < "$DELETED") deletes acknowledged so far"
done

# every acknowledged upload is there (unless a delete of it was sent), every acknowledged
# delete gone
"$BIN" serve --index "$INDEX" --addr "127.0.0.1:$PORT" 2> "$OUT/serve.log" & pid=$!
ready
lost=0 back=0 kept=0
while read -r id; do
  grep -qx "$id" "$TRIED" && continue
  kept=$((kept + 1))
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/api/documents/$id")
  [ "$code" = 200 ] || { echo "lost: $id ($code)"; lost=$((lost + 1)); }
done < "$ACKED"
while read -r id; do
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/api/documents/$id")
  [ "$code" = 404 ] || { echo "came back: $id ($code)"; back=$((back + 1)); }
done < "$DELETED"
kill $pid
echo "rounds $ROUNDS; uploads acknowledged $(wc -l < "$ACKED") ($kept never sent a delete), deletes acknowledged $(wc -l < "$DELETED"); lost $lost, deleted but back $back"
[ "$lost" = 0 ] && [ "$back" = 0 ]
