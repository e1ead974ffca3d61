#!/usr/bin/env bash
# Checks installers that `mvn -B -Pinstaller -DskipTests package` has already built; builds nothing.
#
#   installer/check-image.sh [SEED]
#
# 1. The app image target/installer/IMR Workbench/ has both launchers, and its console launcher parses SEED
#    (default resources/samples/000_9869cb0672e92b90.txt) with an empty environment and no Java anywhere on
#    PATH (PATH is an empty folder: on Debian /usr/bin/java exists, so PATH=/usr/bin would prove nothing);
#    `parse --json` must exit 0 and print a JSON array whose letter has "items".
# 2. The image is at most IMAGE_MAX_MB megabytes (default 160), measured with du.
# 3. On Linux, the .deb in target/installer/ lists (dpkg-deb -c) both launchers and the desktop entry, and its
#    postinst installs the menu entry and links the console launcher into /usr/bin.
#
# Environment: INSTALLER_DIR (default target/installer), IMAGE_MAX_MB (default 160).
# Exit status 0 when every check passes; the last line sums up.
set -uo pipefail
cd "$(dirname "$0")/.."

dir=${INSTALLER_DIR:-target/installer}
image="$dir/IMR Workbench"
seed=${1:-resources/samples/000_9869cb0672e92b90.txt}
max_mb=${IMAGE_MAX_MB:-160}
passed=0
failed=0
ok() { echo "ok:   $*"; passed=$((passed + 1)); }
bad() { echo "FAIL: $*"; failed=$((failed + 1)); }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/empty-path"

# 1. the app image and its console launcher, with no Java on PATH and no JAVA_HOME
if [ -x "$image/bin/IMR Workbench" ]; then ok "desktop launcher: $image/bin/IMR Workbench"
else bad "no desktop launcher $image/bin/IMR Workbench (build with: mvn -B -Pinstaller -DskipTests package)"; fi

if [ ! -x "$image/bin/imr-workbench" ]; then
  bad "no console launcher $image/bin/imr-workbench"
elif ! [ -f "$seed" ]; then
  bad "no seed $seed"
else
  launcher=$(cd "$image/bin" && pwd)/imr-workbench
  seed_abs=$(cd "$(dirname "$seed")" && pwd)/$(basename "$seed")
  if (cd "$work" && env -i PATH="$work/empty-path" sh -c 'command -v java' >/dev/null 2>&1); then
    bad "java is still reachable on the empty PATH"
  fi
  # run from an empty folder, so nothing of the work tree can stand in for the image's runtime
  (cd "$work" && env -i PATH="$work/empty-path" HOME="$work" "$launcher" parse --json "$seed_abs" \
      >"$work/out.json" 2>"$work/err.txt")
  rc=$?
  if [ "$rc" -ne 0 ]; then
    bad "console launcher: parse --json exited $rc: $(head -c 500 "$work/err.txt")"
  elif head -c 1 "$work/out.json" | grep -q '\[' && grep -q '"items"' "$work/out.json" \
      && ! grep -q '"error"' "$work/out.json"; then
    ok "console launcher parsed $(basename "$seed") with no Java on PATH ($(wc -c <"$work/out.json") bytes of JSON with \"items\")"
  else
    bad "console launcher: unexpected output: $(head -c 300 "$work/out.json")"
  fi
  # the contract's usage errors: exit 2, one line on stderr
  (cd "$work" && env -i PATH="$work/empty-path" HOME="$work" "$launcher" no-such-command \
      >/dev/null 2>"$work/usage.txt")
  rc=$?
  if [ "$rc" -eq 2 ]; then ok "console launcher: bad usage exits 2"
  else bad "console launcher: bad usage exited $rc, not 2"; fi
fi

# 2. size
if [ -d "$image" ]; then
  size_mb=$(du -sm "$image" | cut -f1)
  if [ "$size_mb" -le "$max_mb" ]; then ok "image size ${size_mb} MB ($(du -sh "$image" | cut -f1)), limit $max_mb MB"
  else bad "image size ${size_mb} MB is over the limit of $max_mb MB"; fi
fi

# 3. the .deb
if [ "$(uname -s)" = Linux ]; then
  deb=$(ls "$dir"/imr-workbench_*.deb 2>/dev/null | head -n 1)
  if [ -z "$deb" ]; then
    bad "no $dir/imr-workbench_*.deb"
  elif ! command -v dpkg-deb >/dev/null; then
    bad "dpkg-deb is not installed"
  else
    dpkg-deb -c "$deb" >"$work/contents.txt"
    for f in "./opt/imr-workbench/bin/IMR Workbench" ./opt/imr-workbench/bin/imr-workbench \
             ./opt/imr-workbench/lib/imr-workbench-IMR_Workbench.desktop \
             ./opt/imr-workbench/lib/IMR_Workbench.png ./opt/imr-workbench/lib/app/imr-workbench.jar \
             ./opt/imr-workbench/share/doc/copyright; do
      if grep -qF -- " $f" "$work/contents.txt"; then ok "$(basename "$deb") holds $f"
      else bad "$(basename "$deb") lacks $f"; fi
    done
    dpkg-deb -e "$deb" "$work/control"
    if grep -qF 'ln -s "$APP/bin/imr-workbench" "$LINK"' "$work/control/postinst" \
        && grep -qF 'cp "$APP/lib/imr-workbench-IMR_Workbench.desktop" "$ENTRY"' "$work/control/postinst"; then
      ok "postinst installs the menu entry and links /usr/bin/imr-workbench"
    else
      bad "postinst lacks the menu entry or the /usr/bin/imr-workbench link"
    fi
  fi
fi

if [ "$failed" -eq 0 ]; then
  echo "installer check: all $passed checks passed"
else
  echo "installer check: $failed of $((passed + failed)) checks FAILED"
  exit 1
fi
