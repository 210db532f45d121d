#!/usr/bin/env bash
# Builds the offline (intranet) release bundle target/baoxue-<version>-offline.tar.gz: the jar, the
# Debian packages a minimal Debian 12 lacks to run a node, HAProxy and PostgreSQL (fetched here with
# apt-get download, so the site's machines never download anything), the systemd unit, the
# configuration and install.sh / check-host.sh. Run it where there is internet, on Debian 12 amd64
# (the sites' system). See docs/operations.md, "内网离线安装".
#
#   release/build-bundle.sh [--jar FILE] [--roles node,proxy,database] [--out DIR]
#
# --jar FILE   use this application jar instead of building it with `mvn package`
# --roles      which roles' Debian packages to fetch (default node,proxy,database); the names of all
#              roles' packages are listed in debs/<role>.txt whatever is fetched
# Exit 3: the Debian packages cannot be fetched here (no apt-get, not Debian 12, no mirror).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

jar=""
roles="node,proxy,database"
out="$repo/target"
while (($#)); do
  case "$1" in
    --jar) jar=$(realpath "$2"); shift 2 ;;
    --roles) roles="$2"; shift 2 ;;
    --out) out=$(realpath -m "$2"); shift 2 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

# The Debian packages each role needs; their dependencies are resolved below.
declare -A role_packages=(
  [node]="openjdk-17-jre-headless fonts-noto-cjk curl"
  [proxy]="haproxy"
  [database]="postgresql-15 postgresql-client-15"
)

version=$(awk '/<artifactId>baoxue<\/artifactId>/ {found=1; next}
               found && /<version>/ {gsub(/.*<version>|<\/version>.*/, ""); print; exit}' pom.xml)
name="baoxue-$version-offline"
stage="$out/bundle/$name"
log() { echo "[build-bundle] $*"; }

cannot_fetch() {
  echo "[build-bundle] cannot fetch the Debian packages here: $*" >&2
  exit 3
}
command -v apt-get >/dev/null && command -v apt-cache >/dev/null || cannot_fetch "no apt-get (build on Debian 12)"
grep -q '^VERSION_CODENAME=bookworm' /etc/os-release || cannot_fetch "not Debian 12 (bookworm): the packages must match the sites' system"
[ "$(dpkg --print-architecture)" = amd64 ] || cannot_fetch "not amd64"

# -- the application ------------------------------------------------------------------------------
if [ -z "$jar" ]; then
  log "mvn package (tests are the CI's job, not the bundle's)"
  # BAOXUE_MVN_ARGS: more options, e.g. -Dmaven.main.skip=true when target/classes is built already.
  mvn -B -q -Dmaven.test.skip=true -DskipProdProfile=true ${BAOXUE_MVN_ARGS:-} package
  jar="$repo/target/baoxue-$version.jar"
fi
[ -f "$jar" ] || { echo "no jar at $jar" >&2; exit 1; }

rm -rf "$stage"
mkdir -p "$stage"/{lib,debs}
cp "$jar" "$stage/lib/baoxue.jar"

# -- the Debian packages --------------------------------------------------------------------------
# What a minimal Debian 12 has (debootstrap --variant=minbase, the debian:12-slim image): the
# Essential and Priority: required packages with their dependencies. Every package a role needs
# beyond that goes into the bundle. apt resolves it against a dpkg status that lists exactly that
# minimal system, so the choice among alternatives is apt's own, as on the site.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
apt_sim() { apt-get -s -q -o Debug::NoLocking=1 -o Dir::State::status="$1" install --no-install-recommends "${@:2}"; }
apt-cache dumpavail | awk 'BEGIN {RS=""; FS="\n"}
  { name=""; base=0
    for (i = 1; i <= NF; i++) {
      if ($i ~ /^Package: /) name = substr($i, 10)
      if ($i ~ /^Priority: required$/ || $i ~ /^Essential: yes$/) base = 1 }
    if (base) print name }' | sort -u > "$work/required"
[ -s "$work/required" ] || cannot_fetch "apt knows no packages (run apt-get update)"
: > "$work/empty-status"
apt_sim "$work/empty-status" $(cat "$work/required") | awk '/^Inst /{print $2}' | sort -u > "$work/minimal"
apt-cache show --no-all-versions $(cat "$work/minimal") \
  | awk 'BEGIN {RS=""; ORS="\n\n"} {print $0 "\nStatus: install ok installed"}' > "$work/minimal-status"
# Recorded in the bundle: what its packages were completed against (name and what it provides),
# so that the closure can be checked without a mirror (OfflineBundleTests).
awk '/^Package: / {name = $2} /^Provides: / {provides = substr($0, 11); gsub(/ *\([^)]*\)/, "", provides); gsub(/,/, "", provides)}
     /^$/ {if (name != "") print name, provides; name = ""; provides = ""}' "$work/minimal-status" > "$stage/debs/minimal-debian.txt"

for role in node proxy database; do
  apt_sim "$work/minimal-status" ${role_packages[$role]} > "$work/$role.sim" \
    || cannot_fetch "apt cannot resolve ${role_packages[$role]}: $(tail -3 "$work/$role.sim")"
  awk '/^Inst /{gsub(/[()]/, "", $3); print $2 "=" $3}' "$work/$role.sim" > "$work/$role.wanted"
  # name=version  file  size  sha256: the file names as Debian's pool spells them
  apt-get download --print-uris $(cat "$work/$role.wanted") > "$work/$role.uris" 2>"$work/$role.err" \
    || cannot_fetch "$(cat "$work/$role.err")"
  awk 'NR == FNR {split($0, spec, "="); wanted[spec[1]] = $0; next}
       {file = $2; name = file; sub(/_.*/, "", name); sub(/^SHA256:/, "", $4)
        print wanted[name], file, $3, $4}' "$work/$role.wanted" "$work/$role.uris" > "$stage/debs/$role.txt"
  [ "$(wc -l < "$stage/debs/$role.txt")" = "$(wc -l < "$work/$role.wanted")" ] \
    || cannot_fetch "apt-get download --print-uris did not name every package of role $role"
  log "role $role: $(wc -l < "$stage/debs/$role.txt") packages beyond a minimal Debian 12"
done

# Fetch each wanted file once; a copy with the right checksum already on this machine (an earlier
# build's, kept in $BAOXUE_DEB_CACHE, or apt's own cache) is reused: the mirror is asked only for
# what this machine does not hold.
deb_cache=${BAOXUE_DEB_CACHE:-$HOME/.cache/baoxue/debs}
mkdir -p "$deb_cache"
wanted_roles=${roles//,/ }
fetched=0 reused=0
for role in $wanted_roles; do
  [ -n "${role_packages[$role]:-}" ] || { echo "unknown role: $role" >&2; exit 2; }
  while read -r spec file size sha; do
    target="$stage/debs/$file"
    [ -f "$target" ] && continue
    cached=""
    for place in "$deb_cache" /var/cache/apt/archives; do
      if [ -f "$place/$file" ] && echo "$sha  $place/$file" | sha256sum --quiet -c - 2>/dev/null; then
        cached="$place/$file"; break
      fi
    done
    if [ -n "$cached" ]; then
      cp "$cached" "$target"; reused=$((reused + 1))
    else
      (cd "$stage/debs" && apt-get download -q "$spec" >/dev/null 2>"$work/download.err") \
        || cannot_fetch "apt-get download $spec: $(cat "$work/download.err")"
      echo "$sha  $target" | sha256sum --quiet -c - || { echo "checksum mismatch: $file" >&2; exit 1; }
      cp "$target" "$deb_cache/" 2>/dev/null || true
      fetched=$((fetched + 1))
    fi
  done < "$stage/debs/$role.txt"
done
echo "$wanted_roles" > "$stage/debs/ROLES"
log "debs: $fetched downloaded, $reused taken from this machine's caches ($(du -sh "$stage/debs" | cut -f1))"

# -- scripts and configuration --------------------------------------------------------------------
cp release/install.sh release/check-host.sh release/README.txt release/Dockerfile.offline "$stage/"
cp -r release/systemd release/config release/haproxy release/postgresql "$stage/"
chmod 755 "$stage/install.sh" "$stage/check-host.sh"
{
  echo "version=$version"
  echo "commit=$(git rev-parse HEAD 2>/dev/null || echo unknown)"
  echo "built=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "debian=$(cat /etc/debian_version)"
} > "$stage/VERSION"
(cd "$stage" && find . -type f ! -name SHA256SUMS -printf '%P\n' | sort | xargs -d '\n' sha256sum > SHA256SUMS)

mkdir -p "$out"
# .deb files and the jar are compressed already: the fastest gzip level costs little size.
tar -C "$out/bundle" -cf - "$name" | gzip -1 > "$out/$name.tar.gz.part"
mv "$out/$name.tar.gz.part" "$out/$name.tar.gz"
# The archive is the product; the staging tree would only hold a second copy on the disk.
rm -rf "$stage"
rmdir "$out/bundle" 2>/dev/null || true
log "wrote $out/$name.tar.gz ($(du -h "$out/$name.tar.gz" | cut -f1))"
