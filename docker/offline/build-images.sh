#!/usr/bin/env bash
# Builds, with no container registry, every image that docker-compose.yml needs, and writes their
# names to docker/offline/target/images.env (the one place that names them: the compose run and
# ComposeSystemTests read it). Upstream images stay the defaults of docker-compose.yml; these are
# named membership-offline/* so that nothing pretends to be an upstream image.
#
#   build-images.sh                 everything: the infrastructure images below, then the project's
#                                   own images (packaging the project first if its jars are missing)
#   build-images.sh infrastructure  base, Java, Kafka, PostgreSQL, registry, mail, and the docker
#                                   compose plugin if missing (what .ci/run builds before Maven runs)
#   build-images.sh project         only the project's images (contract-setup and the three
#                                   services) from the jars in target/: ComposeSystemTests runs it
#                                   first, so that it never tests images of older jars
#
# Idempotent: the Debian base is made once (delete it to refresh it); every other image goes
# through Docker's build cache, so what has not changed is not rebuilt and a second run takes
# seconds.
# Needs: a running Docker engine (scripts/docker-engine.sh), debootstrap and network access to a
# Debian mirror and Maven Central for the first run; root for the compose plugin (if missing).
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/java-home.sh

offline=docker/offline
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
# the legacy builder is the only one on Debian's docker.io: say so, and keep its notice quiet
export DOCKER_BUILDKIT=0
SECONDS=0

log() {
  echo "[build-images ${SECONDS}s] $*"
}

exists() {
  docker image inspect "$1" > /dev/null 2>&1
}

# build IMAGE CONTEXT [docker build options...]: a build whose output is kept for failures only
build() {
  local image=$1 context=$2 output
  shift 2
  if ! output=$(docker build --network host --tag "$image" "$@" "$context" 2>&1); then
    echo "$output" >&2
    echo "Building $image failed." >&2
    exit 1
  fi
  log "$image"
}

base_image() {
  if exists "$BASE_IMAGE"; then
    log "$BASE_IMAGE (exists)"
    return
  fi
  command -v debootstrap > /dev/null || { echo "debootstrap is missing: apt-get install -y debootstrap" >&2; exit 1; }
  local rootfs
  rootfs=$(mktemp -d)
  debootstrap --variant=minbase trixie "$rootfs" "$mirror" > "$rootfs.log" 2>&1 \
    || { cat "$rootfs.log" >&2; echo "debootstrap of Debian trixie from $mirror failed." >&2; exit 1; }
  rm -rf "$rootfs.log" "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  tar -C "$rootfs" -c . | docker import - "$BASE_IMAGE" > /dev/null
  rm -rf "$rootfs"
  log "$BASE_IMAGE (debootstrap)"
}

# Compose v2 as a Docker CLI plugin, from Debian trixie's docker-compose package (Debian 12's is
# compose v1, which Testcontainers' ComposeContainer does not run).
compose_plugin() {
  if docker compose version > /dev/null 2>&1; then
    log "docker compose $(docker compose version --short) (present)"
    return
  fi
  local download
  download=$(mktemp -d)
  docker run --rm --network host -v "$download:/out" "$BASE_IMAGE" \
    sh -c 'apt-get update -qq && cd /out && apt-get download -qq docker-compose' > /dev/null 2>&1 \
    || { echo "Downloading trixie's docker-compose package failed." >&2; exit 1; }
  dpkg-deb -x "$download"/docker-compose_*.deb "$download/root"
  install -D -m 755 "$download/root/usr/libexec/docker/cli-plugins/docker-compose" \
    /usr/local/lib/docker/cli-plugins/docker-compose
  rm -rf "$download"
  log "docker compose $(docker compose version --short) (installed from Debian trixie)"
}

artifacts() {
  # the jars and archives of Kafka, the registry and GreenMail, at the project's own versions
  rm -rf "$offline"/{kafka,registry,mail}/target
  ./mvnw -B -q -f "$offline/pom.xml" package
  # shellcheck source=/dev/null
  source "$offline/target/versions.env"
}

project_jars() {
  local missing=0 module
  for module in contract-setup onboarding-service directory-service notification-service; do
    [ -f "$module/target/$module.jar" ] || missing=1
  done
  if [ "$missing" = 1 ]; then
    [ "${1:-}" = build ] || { echo "The project's jars are missing: run ./mvnw -B -DskipTests package first." >&2; exit 1; }
    log "packaging the project (./mvnw -B -DskipTests package)"
    ./mvnw -B -q -DskipTests package
  fi
}

project_images() {
  build "$CONTRACT_SETUP_IMAGE" . --target contract-setup --build-arg JRE_IMAGE="$JAVA_IMAGE"
  local service variable
  for service in onboarding-service directory-service notification-service; do
    variable=$(echo "${service%-service}" | tr '[:lower:]' '[:upper:]')_IMAGE
    build "${!variable}" . --target service --build-arg SERVICE="$service" --build-arg JRE_IMAGE="$JAVA_IMAGE"
  done
}

names() {
  BASE_IMAGE=membership-offline/debian:trixie
  JAVA_IMAGE=membership-offline/java:21
  KAFKA_IMAGE=membership-offline/kafka:$KAFKA_VERSION
  POSTGRES_IMAGE=membership-offline/postgres:17
  REGISTRY_IMAGE=membership-offline/apicurio-registry:$APICURIO_REGISTRY_VERSION
  MAIL_IMAGE=membership-offline/greenmail:$GREENMAIL_VERSION
  CONTRACT_SETUP_IMAGE=membership/contract-setup:$PROJECT_VERSION
  ONBOARDING_IMAGE=membership/onboarding-service:$PROJECT_VERSION
  DIRECTORY_IMAGE=membership/directory-service:$PROJECT_VERSION
  NOTIFICATION_IMAGE=membership/notification-service:$PROJECT_VERSION
}

write_images_env() {
  {
    echo "# Written by docker/offline/build-images.sh: the images of the offline compose run, for"
    echo "# docker compose --env-file (see docs/docker.md) and ComposeSystemTests."
    local variable
    for variable in KAFKA_IMAGE POSTGRES_IMAGE REGISTRY_IMAGE MAIL_IMAGE CONTRACT_SETUP_IMAGE \
      ONBOARDING_IMAGE DIRECTORY_IMAGE NOTIFICATION_IMAGE; do
      echo "$variable=${!variable}"
    done
  } > "$offline/target/images.env.tmp"
  mv "$offline/target/images.env.tmp" "$offline/target/images.env"
}

infrastructure() {
  artifacts
  names
  base_image
  compose_plugin
  build "$JAVA_IMAGE" "$offline/java" --build-arg BASE_IMAGE="$BASE_IMAGE"
  build "$KAFKA_IMAGE" "$offline/kafka" --build-arg JAVA_IMAGE="$JAVA_IMAGE"
  build "$POSTGRES_IMAGE" "$offline/postgres" --build-arg BASE_IMAGE="$BASE_IMAGE"
  build "$REGISTRY_IMAGE" "$offline/registry" --build-arg JAVA_IMAGE="$JAVA_IMAGE"
  build "$MAIL_IMAGE" "$offline/mail" --build-arg JAVA_IMAGE="$JAVA_IMAGE"
  write_images_env
}

docker version > /dev/null 2>&1 || { echo "No Docker engine answers: start one (scripts/docker-engine.sh)." >&2; exit 1; }

case "${1:-all}" in
  project)
    [ -f "$offline/target/versions.env" ] || { echo "Run docker/offline/build-images.sh once first." >&2; exit 1; }
    source "$offline/target/versions.env"
    names
    project_jars
    project_images
    ;;
  infrastructure)
    infrastructure
    ;;
  all)
    infrastructure
    project_jars build
    project_images
    ;;
  *)
    echo "usage: $0 [all|infrastructure|project]" >&2
    exit 2
    ;;
esac
log "done"
