# Sourced by bin/mvn, bin/kiungo and .ci/run: exports JAVA_HOME for a JDK >= 21.
# The machine's default java may be older, so look in JAVA_HOME, then PATH, then /usr/lib/jvm.
kiungo_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'
}
kiungo_select_jdk() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" "$(dirname "$(dirname "$(readlink -f "$(command -v javac 2>/dev/null || echo /x/x)")")")" \
      $(ls -d /usr/lib/jvm/* /opt/java/* 2>/dev/null | sort -rV); do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(kiungo_java_major "$candidate")
    if [ -n "$major" ] && [ "${major%%.*}" -ge 21 ] 2>/dev/null; then
      export JAVA_HOME="$candidate"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  echo "Kiungo needs a JDK 21 or newer: set JAVA_HOME to one (none found in JAVA_HOME, PATH or /usr/lib/jvm)." >&2
  return 1
}
