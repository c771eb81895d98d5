#!/usr/bin/env bash
# Row hopfield (B12): classical capacity, dense associative memory, multitasking phase plot.
# 5 networks per point; about 1 minute on the shared box.
source "$(dirname "$0")/../env.sh"
"${JAVA[@]}" org.gyrus.nn.bench.HopfieldBench "$OUT" 5
