# What the robustness scripts share: waiting for a server on $PORT to answer ready.

# Waits up to 10 s for the server's health check to say it is ready.
ready() {
  for _ in $(seq 100); do
    curl -sf "http://127.0.0.1:$PORT/api/health" | grep -q '"status":"ok"' && return 0
    sleep 0.1
  done
  return 1
}
