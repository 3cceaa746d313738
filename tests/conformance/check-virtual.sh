#!/usr/bin/env bash
# Compare each snippet's stdout + exit code under plain node with node running on a virtual clock
# (tools/virtual-time.cjs, the event-loop model of DESIGN.md §6 that `tidejs --virtual-time` follows).
# A difference means the file's output depends on real-time jitter (timers too close together) or on
# a timer detail the model gets wrong: either way the snippet must be fixed before it becomes a snapshot.
# Plain node is retried up to 3 times before a difference is reported: on a loaded machine a preemption longer
# than a file's timer margins (the corpus keeps them >= 15 ms; see README) can reorder a real-time run.
# Usage: tests/conformance/check-virtual.sh [file-or-dir ...] [-n RUNS]   (RUNS agreeing runs wanted per file, default 1)
set -u
here="$(cd "$(dirname "$0")" && pwd)"
runs=1; args=()
while [ $# -gt 0 ]; do case "$1" in -n) runs="$2"; shift 2 ;; *) args+=("$1"); shift ;; esac; done
[ ${#args[@]} -eq 0 ] && args=("$here")
fail=0; n=0
for f in $(find "${args[@]}" -name '*.js' | sort); do
  grep -q 'setTimeout\|setInterval' "$f" || continue
  head -n 3 "$f" | grep -q '// differs from node' && continue
  n=$((n+1))
  want="$(timeout 5 node -r "$here/tools/virtual-time.cjs" "$f" 2>/dev/null </dev/null; echo "exit $?")"
  for i in $(seq "$runs"); do
    for try in 1 2 3; do
      got="$(timeout 5 node "$f" 2>/dev/null </dev/null; echo "exit $?")"
      [ "$got" = "$want" ] && break
    done
    if [ "$got" != "$want" ]; then
      echo "DIFF $f (run $i)"; diff <(echo "$want") <(echo "$got") | head -10 | sed 's/^/    /'; fail=1; break
    fi
  done
done
echo "compared $n timer-using files"
[ $fail -eq 0 ] && echo OK || { echo FAILED; exit 1; }
