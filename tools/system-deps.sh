#!/usr/bin/env bash
# System packages the test suite needs beyond Python: Java 17 + Maven (to resolve and run a
# real Neo4j 5 and its offline importer from Maven Central), Chromium (the dashboard's browser
# tests drive Debian's build; no browser is downloaded) and CJK fonts (so screenshots show
# Chinese, not boxes).
# Installs only what is missing, from Debian's packages.
set -euo pipefail
need=()
command -v java >/dev/null 2>&1 || need+=(openjdk-17-jdk-headless)
command -v javac >/dev/null 2>&1 || need+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || need+=(maven)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
fc-list 2>/dev/null | grep -qi "noto sans cjk" || need+=(fonts-noto-cjk)
if ((${#need[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "missing system packages: ${need[*]} (install them with apt-get as root)" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
