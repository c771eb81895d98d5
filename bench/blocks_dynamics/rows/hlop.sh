#!/usr/bin/env bash
# Row hlop (B9): permuted MNIST, 5 tasks, fine-tuning vs HLOP (scaled down: 6000 training and 2000
# test images per task, LIF 784-256-10 with 5 steps, 2 epochs per task; about 6 minutes).
source "$(dirname "$0")/../env.sh"
"${JAVA[@]}" org.gyrus.nn.bench.HlopBench "$DATA" "$OUT" 5 6000 2000 256 5 2
