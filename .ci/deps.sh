#!/usr/bin/env bash
# System packages the test suite needs: Debian's Chromium and Firefox ESR (never a downloaded browser
# build) and CJK fonts for screenshots. Installs only what is missing; needs root (CI and the dev machines run as root).
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -x /usr/bin/firefox-esr ] || need+=(firefox-esr)
# Not `fc-list | grep -q`: under pipefail, grep -q exits at the first match, fc-list then dies of SIGPIPE
# and the pipeline "fails" about one run in three. Capture the list first, then match.
fonts="$(fc-list 2>/dev/null || true)"
case "$fonts" in *'Noto Sans CJK'*) ;; *) need+=(fonts-noto-cjk) ;; esac
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" != 0 ]; then
  echo "需要安装 / missing: ${need[*]} — run: sudo apt-get install -y ${need[*]}" >&2
  exit 1
fi
echo "Installing ${need[*]} from Debian…" >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
