#!/bin/bash
# Run by the postgres image on the first start of an empty data volume: one database per
# service and one for the registry, each owned by a login role of its own whose password comes
# from <NAME>_DB_PASSWORD. No role but its owner (and the superuser) may connect to a database,
# so a service can reach its own tables only. Sourced by the image's entrypoint, hence bash.
set -euo pipefail

for name in onboarding directory notification registry; do
  variable="${name^^}_DB_PASSWORD"
  password="${!variable:?$variable must be set: the password of the database role $name}"
  psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-postgres}" --dbname postgres \
    --set name="$name" --set password="$password" <<'SQL'
CREATE ROLE :"name" LOGIN PASSWORD :'password';
CREATE DATABASE :"name" OWNER :"name";
REVOKE ALL ON DATABASE :"name" FROM PUBLIC;
SQL
done
