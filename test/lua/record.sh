#!/usr/bin/env bash
# Record reference outputs of the Lua corpus using the real luajit binary.
# For each test/lua/corpus/NAME.lua this writes NAME.out (stdout), and when
# the exit code is non-zero also NAME.err (stderr) and NAME.code (exit code).
# Usage: test/lua/record.sh [NAME.lua ...]   (default: every program)
set -u
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
corpus="$here/corpus"
LUAJIT="${LUAJIT:-luajit}"
cd "$corpus" || exit 1
if [ "$#" -gt 0 ]; then files=("$@"); else files=(*.lua); fi
count=0
failed=0
for f in "${files[@]}"; do
  f="$(basename "$f")"
  name="${f%.lua}"
  rm -f "$name.out" "$name.err" "$name.code"
  "$LUAJIT" "$f" < /dev/null > "$name.out" 2> "$name.err.tmp"
  code=$?
  if [ "$code" -ne 0 ]; then
    mv "$name.err.tmp" "$name.err"
    echo "$code" > "$name.code"
    failed=$((failed + 1))
  else
    rm -f "$name.err.tmp"
  fi
  count=$((count + 1))
done
# The recording build's fingerprint: live comparisons run only against the same build.
(cd "$here" && "$LUAJIT" fingerprint.lua > luajit-fingerprint.txt)
echo "recorded $count programs ($failed with non-zero exit)"
