# Sourced by ./faultline, scripts/test and scripts/bench: finds a JDK 25 or newer and exports JAVA_HOME
# and PATH for it. Order: $JAVA_HOME when it is 25 or newer, then the JDKs under /usr/lib/jvm (newest
# first), then the `java` on the PATH. Without one, says in one line what to install and exits 3.

faultline_java_major() { # prints the feature version of the java binary $1 (17, 25, ...) or nothing
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

faultline_release_major() { # prints the feature version a JDK's release file names (JAVA_VERSION="25.0.3") or nothing
  if [ -f "$1/release" ]; then sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" | head -n 1; fi
}

faultline_use_jdk() { # $1 = a JDK home; true when it has java and javac of 25 or newer
  local home="$1" major
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 1
  # the release file when there is one: starting a JVM only to ask its version costs a tenth of a second
  major=$(faultline_release_major "$home")
  [ -n "$major" ] || major=$(faultline_java_major "$home/bin/java")
  [ -n "$major" ] && [ "$major" -ge 25 ] || return 1
  export JAVA_HOME="$home"
  export PATH="$home/bin:$PATH"
}

faultline_find_jdk() { # $1 = the name to say in the error
  if [ -n "${JAVA_HOME:-}" ] && faultline_use_jdk "$JAVA_HOME"; then return 0; fi
  local home
  for home in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sed 's|/$||' | sort -t- -k2 -V -r); do
    faultline_use_jdk "$home" && return 0
  done
  local java_on_path
  java_on_path=$(command -v java 2>/dev/null || true)
  if [ -n "$java_on_path" ]; then
    home=$(dirname "$(dirname "$(readlink -f "$java_on_path")")")
    faultline_use_jdk "$home" && return 0
  fi
  echo "$1: Faultline needs a JDK 25 or newer (found none in JAVA_HOME, /usr/lib/jvm or on the PATH): install one, e.g. Temurin 25 from https://adoptium.net or 'apt-get install openjdk-25-jdk', or set JAVA_HOME to it" >&2
  exit 3
}
