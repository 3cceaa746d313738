#!/bin/bash
# Find timing-fragile snippets: compare the ideal virtual-clock run with runs under simulated preemption
# (TIDE_JITTER ms, TIDE_SEED). Usage: tools/jitter-check.sh JITTER_MS SEEDS files...
J=$1; S=$2; shift 2
T="$(cd "$(dirname "$0")" && pwd)/virtual-time.cjs"
for f in "$@"; do
  grep -q 'setTimeout\|setInterval' "$f" || continue
  head -n 3 "$f" | grep -q '// differs from node' && continue
  want="$(node -r $T "$f" 2>/dev/null; echo "exit $?")"
  for s in $(seq 1 $S); do
    got="$(TIDE_JITTER=$J TIDE_SEED=$s node -r $T "$f" 2>/dev/null; echo "exit $?")"
    if [ "$got" != "$want" ]; then echo "FRAGILE $f (J=$J seed $s)"; diff <(echo "$want") <(echo "$got") | head -6 | sed 's/^/    /'; break; fi
  done
done
