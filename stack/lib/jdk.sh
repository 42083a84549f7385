# Sourced by the scripts in stack/: exports JAVA_HOME pointing at a JDK 21 or newer.
# Order: $JAVA_HOME if it is 21+, else the newest JDK under /usr/lib/jvm, else `java` on PATH if 21+.

java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'
}

find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(java_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
    return 0
  fi
  local best="" best_major=0 dir major
  for dir in /usr/lib/jvm/* /usr/local/lib/jvm/* "$HOME"/.sdkman/candidates/java/*; do
    [ -x "$dir/bin/javac" ] || continue
    major=$(java_major "$dir")
    if [ -n "$major" ] && [ "$major" -gt "$best_major" ]; then best="$dir"; best_major="$major"; fi
  done
  if [ -z "$best" ] && command -v javac >/dev/null 2>&1; then
    dir=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    best="$dir"; best_major=$(java_major "$dir")
  fi
  if [ -z "$best" ] || [ "${best_major:-0}" -lt 21 ]; then
    echo "error: this project needs a JDK 21 or newer (Helidon 4, Debezium Server 3)." >&2
    echo "       none found in JAVA_HOME or /usr/lib/jvm; install one and set JAVA_HOME." >&2
    exit 1
  fi
  export JAVA_HOME="$best"
}

find_jdk
export PATH="$JAVA_HOME/bin:$PATH"

# The JVM that runs the launcher (and with it the ingress), in stack/run and the benchmark: a small
# heap whose old generation starts at 64 MB and grows only when a full collection leaves too little
# free (the serial collector fills it with promoted garbage before it collects it), and the options of
# Kafka and Debezium Server (infrastructure.jvm, Jdk.infrastructureOptions).
LAUNCHER_JVM_OPTIONS=(-XX:+UseSerialGC -Xms96m -Xmn32m -Xmx256m "@$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/infrastructure.jvm")
