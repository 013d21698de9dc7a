#!/usr/bin/env bash
# Throughput and memory benchmark: builds the jar, starts the simulator, measures exports at
# parallelism 1..16 (page latency 0 and 50 ms) against a raw-fetch floor, and peak heap/RSS for
# two export sizes. Prints a table and writes bench/results-<time>.csv. --quick for a smoke run.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q package -DskipTests
mvn -B -q test-compile
java -cp target/logstreamer.jar:target/test-classes io.logstreamer.bench.Benchmark "$@"
