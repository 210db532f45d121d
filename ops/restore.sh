#!/usr/bin/env bash
# Restores a backup of ops/backup.sh into a NEW, EMPTY PostgreSQL database (docs/operations.md,
# "Restore"): checks the backup's SHA256SUMS, refuses a database that already has tables, runs
# pg_restore and ANALYZE, and copies the evidence back into the bucket the restored nodes will use.
# Stop every node of the old database first; start the nodes on the restored database afterwards.
#
# Usage: ops/restore.sh <backup directory>
# Environment:
#   PGHOST PGPORT PGUSER PGDATABASE PGPASSWORD   the new database (created beforehand: createdb -O baoxue baoxue)
#   BAOXUE_RESTORE_JOBS                          pg_restore's parallel jobs (default 2)
#   BAOXUE_EVIDENCE_OBJECT_STORE_BUCKET, _ENDPOINT, _REGION, _ACCESS_KEY, _SECRET_KEY
#                                                the bucket the restored nodes use, when the backup holds evidence/
set -euo pipefail

backup="${1:?usage: ops/restore.sh <backup directory made by ops/backup.sh>}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-baoxue}" PGDATABASE="${PGDATABASE:-baoxue}"

(cd "$backup" && sha256sum --quiet --check SHA256SUMS) || { echo "restore: $backup does not match its SHA256SUMS" >&2; exit 1; }

tables="$(psql -X -q -t -A -c "select count(*) from information_schema.tables where table_schema = 'public'")"
if [ "$tables" != "0" ]; then
  echo "restore: database $PGDATABASE already has $tables tables; restore into a new, empty database" >&2
  exit 1
fi

pg_restore --exit-on-error --no-owner --no-privileges --jobs="${BAOXUE_RESTORE_JOBS:-2}" \
  --dbname="$PGDATABASE" "$backup/baoxue.dump"
# The planner's statistics are not in a dump; without them the first hours' queries are slow.
psql -X -q -c "analyze"

if [ -d "$backup/evidence" ]; then
  bucket="${BAOXUE_EVIDENCE_OBJECT_STORE_BUCKET:?the backup holds evidence/: set BAOXUE_EVIDENCE_OBJECT_STORE_BUCKET (and _ENDPOINT, _ACCESS_KEY, _SECRET_KEY) to the bucket the restored nodes use}"
  command -v aws >/dev/null || { echo "restore: the aws command (awscli) is missing" >&2; exit 1; }
  endpoint=()
  [ -n "${BAOXUE_EVIDENCE_OBJECT_STORE_ENDPOINT:-}" ] && endpoint=(--endpoint-url "$BAOXUE_EVIDENCE_OBJECT_STORE_ENDPOINT")
  AWS_ACCESS_KEY_ID="${BAOXUE_EVIDENCE_OBJECT_STORE_ACCESS_KEY:-}" \
  AWS_SECRET_ACCESS_KEY="${BAOXUE_EVIDENCE_OBJECT_STORE_SECRET_KEY:-}" \
  AWS_DEFAULT_REGION="${BAOXUE_EVIDENCE_OBJECT_STORE_REGION:-us-east-1}" \
    aws "${endpoint[@]}" s3 sync "$backup/evidence" "s3://$bucket" --only-show-errors
fi

echo "restored $backup into $PGDATABASE"
