#!/usr/bin/env bash
# The Docker engine that the offline images and ComposeSystemTests need (.ci/run calls it).
#   docker-engine.sh           install Debian's docker.io and debootstrap if missing, start dockerd
#                              if no engine answers, wait until it does
#   docker-engine.sh cleanup   remove the containers, networks and volumes that the tests left
#                              behind (ComposeSystemTests' compose projects membership-system-test-*,
#                              PostgresForTests' containers labelled org.membership.test), for a
#                              run that died before its own clean-up
# Installing and starting the daemon needs root.
set -euo pipefail

answers() {
  docker version > /dev/null 2>&1
}

start() {
  if ! command -v dockerd > /dev/null || ! command -v debootstrap > /dev/null; then
    echo "Installing docker.io and debootstrap from Debian's packages"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq docker.io debootstrap > /dev/null \
      || { apt-get update -qq && apt-get install -y -qq docker.io debootstrap > /dev/null; }
  fi
  if answers; then
    return
  fi
  echo "Starting dockerd (log: /var/log/dockerd.log)"
  setsid dockerd > /var/log/dockerd.log 2>&1 < /dev/null &
  local waited=0
  until answers; do
    if [ "$waited" -ge 60 ]; then
      tail -n 20 /var/log/dockerd.log >&2
      echo "dockerd did not answer within 60 s." >&2
      exit 1
    fi
    sleep 1
    waited=$((waited + 1))
  done
}

cleanup() {
  answers || return 0
  docker ps -aq --filter label=org.membership.test | xargs -r docker rm -f -v > /dev/null
  local project
  for project in $( (docker ps -a --format '{{.Label "com.docker.compose.project"}}'
    docker network ls --format '{{.Label "com.docker.compose.project"}}'
    docker volume ls --format '{{.Label "com.docker.compose.project"}}') | grep '^membership-system-test-' | sort -u); do
    echo "Removing the compose project $project"
    docker ps -aq --filter "label=com.docker.compose.project=$project" | xargs -r docker rm -f -v > /dev/null
    docker network ls -q --filter "label=com.docker.compose.project=$project" | xargs -r docker network rm > /dev/null
    docker volume ls -q --filter "label=com.docker.compose.project=$project" | xargs -r docker volume rm > /dev/null
  done
}

case "${1:-start}" in
  start) start ;;
  cleanup) cleanup ;;
  *)
    echo "usage: $0 [start|cleanup]" >&2
    exit 2
    ;;
esac
