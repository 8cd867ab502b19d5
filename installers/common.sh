# Sourced by installers/build (Linux), installers/windows/build and installers/macos/build: the steps
# all three share. Needs: $root (the checkout), $out (installers/target), $here (installers/), a JDK 25
# in $JAVA_HOME with jlink, jpackage, jdeps and jmod, and slot=(...) (a command to run heavy steps
# through, or empty).

say() { echo "installers: $*" >&2; }
fail() { say "$*"; exit 3; }

require_jdk_tools() {
  local tool
  for tool in jlink jpackage jdeps jmod; do
    [ -x "$JAVA_HOME/bin/$tool" ] || [ -x "$JAVA_HOME/bin/$tool.exe" ] \
      || fail "$JAVA_HOME has no $tool: install a full JDK 25 (e.g. Temurin 25) and set JAVA_HOME to it"
  done
}

# The commit the package is built from: HEAD, "-modified" when tracked files differ from it.
build_commit() {
  local c
  c=$(git -C "$root" rev-parse --short=12 HEAD 2>/dev/null) || { echo unknown; return; }
  git -C "$root" diff --quiet HEAD -- 2>/dev/null || c="$c-modified"
  echo "$c"
}

# Builds the app with Maven (unless INSTALLERS_SKIP_MAVEN=1) and sets appjar, version, numeric.
maven_build() { # $1 = the commit
  if [ "${INSTALLERS_SKIP_MAVEN:-0}" != 1 ]; then
    say "building Faultline (commit $1) with Maven..."
    # shellcheck disable=SC2086 # INSTALLERS_MVN is a command with its options
    (cd "$root" && ${slot[@]+"${slot[@]}"} ${INSTALLERS_MVN:-mvn} -B -q -DskipTests package -Dfaultline.commit="$1") >&2
  fi
  appjar=$(ls "$root"/app/target/faultline-app-*.jar 2>/dev/null | grep -v -- '-tests.jar' | head -n 1 || true)
  [ -n "$appjar" ] || fail "no app/target/faultline-app-*.jar: build it first (mvn -DskipTests package)"
  version=$(basename "$appjar" .jar)
  version="${version#faultline-app-}"
  numeric="${version%%-*}" # jpackage and the package formats want 1.2.3
}

# The app's jars in $out/input (JavaFX's go into the runtime instead), and jars: their names, the main
# jar first, then the rest sorted (the order of the class path and of the AOT caches made with it).
stage_jars() {
  mkdir -p "$out/input"
  cp "$appjar" "$out/input/faultline-app.jar"
  local j
  for j in "$root"/app/target/lib/*.jar; do
    case "$(basename "$j")" in javafx-*) ;; *) cp "$j" "$out/input/" ;; esac
  done
  jars=$(cd "$out/input" && { echo faultline-app.jar; ls ./*.jar | sed 's|^\./||' | grep -vx faultline-app.jar | LC_ALL=C sort; })
}

# JavaFX as jmods in $out/jmods, made from Maven's platform jars (linux, win, mac, mac-aarch64: the
# classifier Maven picked for this machine): classes and resources, and the native libraries apart so
# that jlink puts them where the runtime loads them from (Gluon's jmods are not on Maven Central).
javafx_jmods() {
  mkdir -p "$out/jmods" "$out/work"
  local m fxjar d
  for m in base graphics controls; do
    fxjar=$(ls "$root"/app/target/lib/javafx-$m-*-*.jar 2>/dev/null | head -n 1 || true)
    [ -n "$fxjar" ] || fail "no javafx-$m platform jar in app/target/lib (build the app first)"
    d="$out/work/javafx.$m"
    rm -rf "$d"
    mkdir -p "$d/classes" "$d/libs"
    (cd "$d/classes" && unzip -q "$fxjar" && rm -rf META-INF/substrate META-INF/MANIFEST.MF javafx-swt.jar)
    find "$d/classes" -maxdepth 1 \( -name '*.so' -o -name '*.dll' -o -name '*.dylib' \) -exec mv {} "$d/libs/" \;
    "$JAVA_HOME/bin/jmod" create --class-path "$d/classes" --libs "$d/libs" "$out/jmods/javafx.$m.jmod"
  done
}

# The runtime in $out/runtime: the JDK modules the code uses (jdeps), JavaFX's, and those reached only
# by name or through the JVM: jdk.attach (the JVM fault agent attaches to targets), java.instrument
# (the agent inside them), jdk.zipfs, jdk.charsets, jdk.crypto.cryptoki (TLS), jdk.localedata (dates
# and numbers in the user's language: the languages below, not all 800 locales of the JDK, which
# were 10 of the runtime's 85 MB; others fall back to English formats), jdk.management (the
# machine's CPU load). Without debug attributes, header files and man pages, compressed (zip-6);
# on Linux the native libraries' symbol tables are stripped too (6 MB: a JVM crash report then names
# native frames by address only; Java frames are named as before).
locales="en,de,fr,es,it,pt,nl,sv,da,nb,no,fi,is,pl,cs,sk,sl,hu,ro,hr,sr,bg,el,tr,ru,uk,he,ar,hi,th,vi,id,ms,ja,ko,zh"
make_runtime() {
  local sep=":"
  case "$(uname -s)" in MINGW* | MSYS* | CYGWIN*) sep=";" ;; esac
  say "finding the JDK modules Faultline needs (jdeps)..."
  local cp fxcp modules
  cp=$(echo "$jars" | sed "s|^|$out/input/|" | paste -sd"$sep")
  # jdeps reads modular jars, not jmods: JavaFX's platform jars themselves
  fxcp=$(ls "$root"/app/target/lib/javafx-*-*.jar | paste -sd"$sep")
  modules=$(${slot[@]+"${slot[@]}"} "$JAVA_HOME/bin/jdeps" --multi-release 25 --ignore-missing-deps -q --print-module-deps \
    --module-path "$fxcp" --add-modules javafx.controls --class-path "$cp" --recursive "$out/input/faultline-app.jar")
  modules="$modules,javafx.controls,jdk.attach,java.instrument,jdk.zipfs,jdk.charsets,jdk.crypto.cryptoki,jdk.localedata,jdk.management"
  say "modules: $modules"
  say "making the runtime (jlink)..."
  rm -rf "$out/runtime"
  ${slot[@]+"${slot[@]}"} "$JAVA_HOME/bin/jlink" --module-path "$out/jmods" --add-modules "$modules" \
    --include-locales="$locales" --strip-debug --no-header-files --no-man-pages --compress=zip-6 \
    --output "$out/runtime"
  if [ "$(uname -s)" = Linux ] && command -v strip >/dev/null 2>&1; then
    find "$out/runtime" -name '*.so' -exec strip --strip-unneeded {} +
  fi
}

# The runbooks that ship, copied into $1 (their folders kept: sandbox/, chaos-mesh/, ...); with more
# arguments only those folders (e.g. chaos-mesh litmus), with "--except FOLDER..." all but those.
copy_runbooks() {
  local dest="$1" filter=() f
  shift
  mkdir -p "$dest"
  if [ "${1:-}" = --except ]; then
    shift
    for f in "$@"; do filter+=(-not -path "./$f/*"); done
  elif [ $# -gt 0 ]; then
    filter+=("(")
    for f in "$@"; do filter+=(-path "./$f/*" -o); done
    filter=("${filter[@]:0:${#filter[@]}-1}" ")")
  fi
  (cd "$root/runbooks" && find . -name '*.yaml' -not -path './src/*' -not -path './target/*' ${filter[@]+"${filter[@]}"} \
    | tar -cf - -T -) | tar -xf - -C "$dest"
}

# The Kubernetes backends (Chaos Mesh, Litmus: their plugins, formats and the fabric8 client) are an
# add-on on Linux, faultline-kubernetes: the jars below (16 MB, an eighth of the installation) and the
# runbooks of these folders. Nothing else references them (installers/build checks): the plugins are
# found through ServiceLoader when bin/faultline puts lib/plugins/*/*.jar on the class path.
kubernetes_runbooks=(chaos-mesh litmus)
is_kubernetes_jar() { # $1 = a jar's file name
  case "$1" in
    kubernetes-*.jar | zjsonpatch-*.jar | faultline-plugin-chaos-mesh-*.jar | faultline-plugin-litmus-*.jar \
      | faultline-plugin-kube-common-*.jar) return 0 ;;
  esac
  return 1
}

# What every jpackage call shares.
jpackage_common=(--vendor "Faultline"
  --description "Chaos-engineering GameDays: run experiments, halt them, recover what a crash left behind.")
