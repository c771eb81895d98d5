#!/usr/bin/env bash
# Row lif (B9): snnTorch tutorial-5 spiking MLP on full MNIST, one epoch, 25 steps (a few minutes).
source "$(dirname "$0")/../env.sh"
"${JAVA[@]}" org.gyrus.nn.bench.LifBench "$DATA" "$OUT" 1
