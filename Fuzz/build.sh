#!/usr/bin/env bash
# Builds Fuzz/gongwen-fuzz: the library instrumented for libFuzzer with AddressSanitizer, and the
# entry point of FuzzParse.swift, linked by hand with lld. SwiftPM cannot link it itself (its
# executable targets are linked with `-parse-as-library` and `--defsym main=…`, which libFuzzer's
# own `main` defeats, and ld.gold crashes on the sanitizer runtime), so only the library is
# built by SwiftPM, in a build folder of its own (.build/fuzz), with the fuzzer's coverage
# instrumentation but not its runtime (the lexicon plugin's build tool must still link), and
# the fuzz executable is linked here with lld and -sanitize=fuzzer.
#
#   Fuzz/build.sh                       # builds .build/fuzz/gongwen-fuzz
#   Fuzz/run.sh [RUNS]                  # seeds a corpus from Corpus/ and runs it (see Docs/FUZZING.md)
set -euo pipefail
cd "$(dirname "$0")/.."
build=.build/fuzz
configuration=release

# libFuzzer's instrumentation (what -sanitize=fuzzer adds) without its main, so that the build
# tool the lexicon plugin runs still links.
swift build -c "$configuration" --build-path "$build" --target Gongwen \
  -Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp \
  -Xcc -fsanitize=address -Xcc -fsanitize-coverage=inline-8bit-counters,pc-table,trace-cmp

products="$build/$configuration"
swiftc -O -sanitize=fuzzer,address -parse-as-library \
  -I "$products/Modules" -I "$build/checkouts/ZIPFoundation/Sources/CZLib" \
  -Xcc -fmodule-map-file="$products/CICU.build/module.modulemap" -I Sources/CICU/include \
  -c Fuzz/FuzzParse.swift -o "$build/FuzzParse.o" -module-name GongwenFuzz

objects=()
for target in Gongwen GongwenModel CICU ZIPFoundation; do
  while IFS= read -r -d '' object; do objects+=("$object"); done \
    < <(find "$products/$target.build" -name '*.o' -print0)
done

swiftc -sanitize=fuzzer,address -use-ld=lld "$build/FuzzParse.o" "${objects[@]}" \
  -licui18n -licuuc -licudata -lz -lFoundation -lFoundationEssentials -lFoundationInternationalization \
  -o "$build/gongwen-fuzz"
echo "built $build/gongwen-fuzz"
