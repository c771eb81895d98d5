#!/usr/bin/env bash
# Row lsm (B10): sequential MNIST / Fashion-MNIST row by row, LSM vs ESN vs trained RNN (scaled
# down: 6000 training and 2000 test sequences, 300 neurons; about 7 minutes on the shared box).
source "$(dirname "$0")/../env.sh"
"${JAVA[@]}" org.gyrus.nn.bench.LsmBench "$DATA" "$OUT" 6000 2000 300 10 4
