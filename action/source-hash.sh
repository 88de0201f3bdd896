#!/usr/bin/env bash
# A fingerprint of benchledger's sources, for the jar cache key: actions/cache's hashFiles only sees the
# workspace, and the action's own files are outside it.
set -euo pipefail
cd "$1"
find pom.xml ./*/pom.xml ./*/src/main templates -type f 2>/dev/null | LC_ALL=C sort | xargs sha256sum | sha256sum | cut -c1-32
