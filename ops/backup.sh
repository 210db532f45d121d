#!/usr/bin/env bash
# Nightly backup of Baoxue (docs/operations.md, "Backup"): the PostgreSQL database as one consistent
# pg_dump in custom format and, when evidence (佐证材料) is kept in an S3-compatible object store, a
# copy of its bucket. Runs while the nodes keep serving. Each run writes one directory
# <BAOXUE_BACKUP_DIR>/<Beijing time> with baoxue.dump, evidence/ (if any) and SHA256SUMS, and removes
# the directories older than BAOXUE_BACKUP_KEEP_DAYS. Prints the new directory.
#
# Environment:
#   BAOXUE_BACKUP_DIR            where the backups go (required)
#   BAOXUE_BACKUP_KEEP_DAYS      days to keep (default 30)
#   PGHOST PGPORT PGUSER PGDATABASE PGPASSWORD (or ~/.pgpass)   the database, libpq's usual variables
#                                (defaults: 127.0.0.1, 5432, baoxue, baoxue)
#   BAOXUE_EVIDENCE_OBJECT_STORE_BUCKET, _ENDPOINT, _REGION, _ACCESS_KEY, _SECRET_KEY
#                                the evidence bucket, as the nodes are given it; unset when the
#                                evidence is in the database (the default)
#
# The dump comes first, the bucket second: an evidence item's object is written before its row
# commits, so every object the dump refers to is already in the bucket when it is copied.
set -euo pipefail

: "${BAOXUE_BACKUP_DIR:?set BAOXUE_BACKUP_DIR to the directory that keeps the backups}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-baoxue}" PGDATABASE="${PGDATABASE:-baoxue}"
keep_days="${BAOXUE_BACKUP_KEEP_DAYS:-30}"

stamp="$(TZ=Asia/Shanghai date +%Y-%m-%dT%H%M%S)"
target="$BAOXUE_BACKUP_DIR/$stamp"
partial="$target.partial"
mkdir -p "$partial"
trap 'rm -rf "$partial"' EXIT

pg_dump --format=custom --compress=6 --file="$partial/baoxue.dump"
# A dump that pg_restore cannot read is no backup.
pg_restore --list "$partial/baoxue.dump" >/dev/null

bucket="${BAOXUE_EVIDENCE_OBJECT_STORE_BUCKET:-}"
if [ -n "$bucket" ]; then
  command -v aws >/dev/null || { echo "backup: the evidence is in bucket $bucket, but the aws command (awscli) is missing" >&2; exit 1; }
  endpoint=()
  [ -n "${BAOXUE_EVIDENCE_OBJECT_STORE_ENDPOINT:-}" ] && endpoint=(--endpoint-url "$BAOXUE_EVIDENCE_OBJECT_STORE_ENDPOINT")
  AWS_ACCESS_KEY_ID="${BAOXUE_EVIDENCE_OBJECT_STORE_ACCESS_KEY:-}" \
  AWS_SECRET_ACCESS_KEY="${BAOXUE_EVIDENCE_OBJECT_STORE_SECRET_KEY:-}" \
  AWS_DEFAULT_REGION="${BAOXUE_EVIDENCE_OBJECT_STORE_REGION:-us-east-1}" \
    aws "${endpoint[@]}" s3 sync "s3://$bucket" "$partial/evidence" --only-show-errors
fi

(cd "$partial" && find . -type f ! -name SHA256SUMS -print0 | sort -z | xargs -0 sha256sum > SHA256SUMS)
mv "$partial" "$target"
trap - EXIT

# Keep BAOXUE_BACKUP_KEEP_DAYS days of backups (only the directories this script names).
find "$BAOXUE_BACKUP_DIR" -mindepth 1 -maxdepth 1 -type d -name '20??-??-??T??????' -mtime +"$keep_days" \
  -exec rm -rf {} +

echo "$target"
