#!/usr/bin/env bash
# Executes every notebook in this folder headlessly with the GoNB kernel,
# against the SDK checkout two folders up, and fails when a cell reports
# an error (a compile error, a panic, anything on stderr) or when the
# outputs lack a string that NAME.expected.json (beside NAME.ipynb) lists.
# Run setup.sh first. The notebooks themselves are left unchanged.
set -euo pipefail
cd "$(dirname "$0")"
export PATH="$(go env GOPATH)/bin:$PATH"
[ -n "$(go env GOBIN)" ] && export PATH="$(go env GOBIN):$PATH"

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
passed=0 broken=0
for nb in *.ipynb; do
  name=${nb%.ipynb}
  start=$SECONDS
  # --allow-errors runs every cell, so one run reports every problem.
  if ! jupyter nbconvert --to notebook --execute --allow-errors \
      --ExecutePreprocessor.kernel_name=gonb --ExecutePreprocessor.timeout=600 \
      --output-dir "$out" "$nb" > "$out/$name.log" 2>&1; then
    echo "FAIL $nb: nbconvert did not run it"; tail -n 30 "$out/$name.log"; broken=$((broken + 1)); continue
  fi
  if python3 - "$out/$nb" "$name.expected.json" <<'PY'
import json, sys

nb = json.load(open(sys.argv[1]))
expected = json.load(open(sys.argv[2]))["expect"]
problems, texts = [], []
for i, cell in enumerate(nb["cells"]):
    for o in cell.get("outputs", []):
        kind = o["output_type"]
        if kind == "error":
            problems.append(f"cell {i}: {o['ename']}: {o['evalue']}")
        elif kind == "stream":
            text = "".join(o["text"])
            if o["name"] == "stderr":
                problems.append(f"cell {i} wrote to stderr:\n{text}")
            texts.append(text)
        else:
            for v in o.get("data", {}).values():
                text = "".join(v) if isinstance(v, list) else str(v)
                if "gonb-err" in text:  # GoNB's HTML rendering of a compile error
                    problems.append(f"cell {i} failed to compile")
                texts.append(text)
output = "\n".join(texts)
problems += [f"missing expected output: {s!r}" for s in expected if s not in output]
for p in problems:
    print("  " + p)
sys.exit(1 if problems else 0)
PY
  then
    echo "ok   $nb ($((SECONDS - start)) s)"; passed=$((passed + 1))
  else
    echo "FAIL $nb ($((SECONDS - start)) s)"; broken=$((broken + 1))
  fi
done
echo "notebooks: $passed passed, $broken failed"
[ "$broken" -eq 0 ]
