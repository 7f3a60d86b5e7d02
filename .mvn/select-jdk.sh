# Sourced by ./mvnw: the build needs JDK 21 or newer, and a machine's default java may be older
# (17 here). When JAVA_HOME is unset or too old, pick the newest JDK >= 21 from the usual places.
hub_required_java=21

hub_java_major() {
  "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9][0-9]*\).*/\1/p' | head -n 1
}

hub_current_jdk=""
if [ -n "${JAVA_HOME-}" ] && [ -x "${JAVA_HOME}/bin/java" ]; then
  hub_current_jdk="$JAVA_HOME"
elif command -v java >/dev/null 2>&1; then
  hub_current_jdk="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
fi

hub_current_major=0
[ -z "$hub_current_jdk" ] || hub_current_major="$(hub_java_major "$hub_current_jdk")"
if [ "${hub_current_major:-0}" -lt "$hub_required_java" ]; then
  hub_best="" hub_best_major=0
  set +f
  for hub_dir in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "${HOME-}"/.sdkman/candidates/java/* "${HOME-}"/.jdks/*; do
    [ -x "$hub_dir/bin/javac" ] || continue
    hub_major="$(hub_java_major "$hub_dir")"
    if [ "${hub_major:-0}" -ge "$hub_required_java" ] && [ "$hub_major" -gt "$hub_best_major" ]; then
      hub_best="$hub_dir" hub_best_major="$hub_major"
    fi
  done
  set -f
  if [ -z "$hub_best" ]; then
    echo "Commerce Hub needs JDK $hub_required_java or newer (found ${hub_current_major:-none}): install one, e.g. 'apt-get install openjdk-21-jdk-headless', or set JAVA_HOME to it." >&2
    exit 1
  fi
  JAVA_HOME="$hub_best"
  export JAVA_HOME
fi
