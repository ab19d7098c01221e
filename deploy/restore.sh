#!/bin/sh
# Restore radasite from deploy/backup.sh's files into a database (an empty one, or one to overwrite).
#
#   deploy/restore.sh DUMP_FILE TARGET_DATABASE_URL [MEDIA_TARBALL MEDIA_ROOT]
#
# The target database must exist (createdb); objects in it are dropped first (--clean --if-exists).
# Stop the web and worker services before restoring over the live database, and run
# `manage.py update_index` afterwards if Elasticsearch is used (its index is not in the dump).
set -eu

dump=${1:?usage: restore.sh DUMP_FILE TARGET_DATABASE_URL [MEDIA_TARBALL MEDIA_ROOT]}
target=${2:?usage: restore.sh DUMP_FILE TARGET_DATABASE_URL [MEDIA_TARBALL MEDIA_ROOT]}

pg_restore --clean --if-exists --no-owner --no-privileges --exit-on-error --single-transaction \
    --dbname="$target" "$dump"

if [ $# -ge 4 ]; then
    media_tarball=$3
    media_root=$4
    mkdir -p "$media_root"
    tar -xzf "$media_tarball" -C "$media_root"
fi
echo "restored $dump into $target"
