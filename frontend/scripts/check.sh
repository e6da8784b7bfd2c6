#!/usr/bin/env bash
# Every check of the SPA, in order: dependencies, generated code, types, lint,
# formatting, unit tests, production build, then the end-to-end run in Debian's Chromium
# (and pdftotext, which reads the printed PAI back) against the real Ponte server
# (built beforehand: target/debug/ponte, or $PONTE_BIN, or $CARGO_TARGET_DIR/debug/ponte).
# Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
frontend="$(pwd)"
repository="$(cd .. && pwd)"

started=$SECONDS
step_started=$SECONDS
step() {
  if [[ -n "${current_step:-}" ]]; then
    printf '    (%s: %ds)\n' "$current_step" $((SECONDS - step_started))
  fi
  current_step="$1"
  step_started=$SECONDS
  printf '\n==> %s\n' "$1"
}

# The server binary, found as e2e/global-setup.ts finds it: fail now, clearly, if it is missing.
if [[ -n "${PONTE_BIN:-}" ]]; then
  ponte="$(cd "$frontend" && realpath -m "$PONTE_BIN")"
elif [[ -n "${CARGO_TARGET_DIR:-}" ]]; then
  ponte="$(cd "$repository" && realpath -m "$CARGO_TARGET_DIR")/debug/ponte"
else
  ponte="$repository/target/debug/ponte"
fi
if [[ ! -x "$ponte" ]]; then
  echo "check.sh: the Ponte server binary is missing at $ponte" >&2
  echo "check.sh: build it first (cargo build -p ponte-server) or set PONTE_BIN" >&2
  exit 1
fi

step "npm ci"
# Skipped when node_modules was installed by this script from this very lockfile.
lock_hash="$(sha256sum package-lock.json | cut -d' ' -f1)"
marker=node_modules/.ponte-installed-lock
if [[ -f "$marker" && "$(cat "$marker")" == "$lock_hash" ]]; then
  echo "node_modules is up to date with package-lock.json"
else
  npm ci --no-audit --no-fund
  echo "$lock_hash" > "$marker"
fi

step "npm run codegen:check"
npm run --silent codegen:check

step "npm run typecheck"
npm run --silent typecheck

step "npm run lint"
npm run --silent lint # --max-warnings 0: a warning fails the check too

step "npm run format:check"
npm run --silent format:check

step "npm test"
vitest_log="$(mktemp)"
trap 'rm -f "$vitest_log" "${e2e_log:-}"' EXIT
npm test --silent 2>&1 | tee "$vitest_log"

step "npm run build"
npm run --silent build 2>&1 | { grep -v '^dist/assets/It' || true; } # the icon chunks are many and small

# Debian packages the e2e run needs, installed when missing (as root, or with sudo).
apt_install() {
  local sudo_cmd=""
  [[ "$(id -u)" -ne 0 ]] && sudo_cmd="sudo"
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q "$@"
}

if [[ ! -x /usr/bin/chromium ]]; then
  step "install chromium"
  apt_install chromium fonts-dejavu-core
fi

# The e2e run reads the printed PAI back from its PDF with pdftotext.
if ! command -v pdftotext >/dev/null; then
  step "install poppler-utils"
  apt_install poppler-utils
fi

step "npm run e2e"
e2e_log="$(mktemp)"
PONTE_BIN="$ponte" npm run --silent e2e 2>&1 | tee "$e2e_log"

step "summary"
strip() { sed -e 's/\x1b\[[0-9;]*m//g' "$1"; }
vitest_passed="$(strip "$vitest_log" | sed -n 's/^ *Tests *.* \([0-9][0-9]*\) passed.*/\1/p' | tail -1)"
vitest_failed="$(strip "$vitest_log" | sed -n 's/^ *Tests *\([0-9][0-9]*\) failed.*/\1/p' | tail -1)"
e2e_passed="$(strip "$e2e_log" | sed -n 's/^ *\([0-9][0-9]*\) passed.*/\1/p' | tail -1)"
e2e_failed="$(strip "$e2e_log" | sed -n 's/^ *\([0-9][0-9]*\) failed.*/\1/p' | tail -1)"
echo "frontend check passed in $((SECONDS - started))s; screenshots in frontend/e2e-artifacts/"
echo "vitest: ${vitest_passed:-0} passed, ${vitest_failed:-0} failed"
echo "e2e: ${e2e_passed:-0} passed, ${e2e_failed:-0} failed"
