#!/bin/sh
# Back up radasite: the database (pg_dump custom format) and the media directory (a tarball).
#
#   deploy/backup.sh DIRECTORY
#
# Reads DATABASE_URL and MEDIA_ROOT from the environment (/etc/radasite/env under systemd). Writes
# DIRECTORY/radasite-YYYYmmdd-HHMMSS.dump and .media.tar.gz, then deletes backups older than
# BACKUP_KEEP_DAYS (default 14). Restore with deploy/restore.sh.
set -eu

target=${1:?usage: backup.sh DIRECTORY}
: "${DATABASE_URL:?DATABASE_URL must be set}"
: "${MEDIA_ROOT:?MEDIA_ROOT must be set}"
keep_days=${BACKUP_KEEP_DAYS:-14}
stamp=$(date -u +%Y%m%d-%H%M%S)
mkdir -p "$target"

# -Fc: compressed, restorable table by table with pg_restore; --no-owner: restorable under another role.
pg_dump --format=custom --no-owner --no-privileges --file="$target/radasite-$stamp.dump.part" "$DATABASE_URL"
mv "$target/radasite-$stamp.dump.part" "$target/radasite-$stamp.dump"

tar -czf "$target/radasite-$stamp.media.tar.gz.part" -C "$MEDIA_ROOT" .
mv "$target/radasite-$stamp.media.tar.gz.part" "$target/radasite-$stamp.media.tar.gz"

find "$target" -maxdepth 1 -name 'radasite-*' -mtime +"$keep_days" -delete
echo "$target/radasite-$stamp.dump"
echo "$target/radasite-$stamp.media.tar.gz"
