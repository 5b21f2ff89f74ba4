# Sourced by ./mvnw (and so by .ci/run), ./run-local and docker/offline/build-images.sh: points
# JAVA_HOME at a JDK 21+ (the Apicurio Registry 3.3 server and the build need it), or explains
# what is missing and exits. The default `java` may be older. Plain sh, since ./mvnw runs in sh.
# Candidates, in order: JAVA_HOME, the `java` on the PATH, then every directory matched by
# JDK_SEARCH_DIRS (default: /usr/lib/jvm/* and macOS's JDK homes).

java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1
}

find_java_home() {
  local candidate major
  # always run in $(...): the search directories are patterns, expanded even where the caller
  # turned globbing off (./mvnw does), without turning it back on for the caller
  set +f
  for candidate in "${JAVA_HOME:-}" "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")" \
    ${JDK_SEARCH_DIRS:-/usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home}; do
    if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ]; then
      major=$(java_major "$candidate/bin/java")
      if [ -n "$major" ] && [ "$major" -ge 21 ]; then
        echo "$candidate"
        return 0
      fi
    fi
  done
  return 1
}

if ! JAVA_HOME=$(find_java_home); then
  echo "A JDK 21 or newer is needed (the Apicurio Registry 3.3 server requires it), and none was found." >&2
  echo "Install one (e.g. Temurin 21 or 25) and set JAVA_HOME to it, then try again." >&2
  exit 1
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
