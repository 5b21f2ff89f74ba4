#!/usr/bin/env bash
# Writes the passwords docker-compose.yml requires into .env beside it (compose reads that file),
# generating each one that is neither in .env already nor set in the environment. Run once before
# `docker compose up`; running it again changes nothing. Every password stays in .env (mode 600),
# the one file compose reads; a generated staff password is also printed, for the person to log in.
set -euo pipefail
cd "$(dirname "$0")/.."
env_file=.env
touch "$env_file"
chmod 600 "$env_file"

for variable in POSTGRES_PASSWORD ONBOARDING_DB_PASSWORD DIRECTORY_DB_PASSWORD NOTIFICATION_DB_PASSWORD \
  REGISTRY_DB_PASSWORD STAFF_PASSWORD; do
  if grep -q "^${variable}=" "$env_file" || [ -n "${!variable:-}" ]; then
    continue
  fi
  value=$(head -c 24 /dev/urandom | base64 | tr -d '/+=\n')
  echo "${variable}=${value}" >> "$env_file"
  if [ "$variable" = STAFF_PASSWORD ]; then
    echo "The staff user's password (user 'staff'): ${value}"
  fi
done
echo "Passwords for docker compose are in $(pwd)/$env_file"
