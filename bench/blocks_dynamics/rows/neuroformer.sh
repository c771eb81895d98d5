#!/usr/bin/env bash
# Row neuroformer (B14): spike transformer on a 50-neuron random LIF circuit, 20000 1-ms bins,
# 4 epochs (about 2 minutes on the shared box).
source "$(dirname "$0")/../env.sh"
"${JAVA[@]}" org.gyrus.nn.bench.NeuroformerBench "$OUT" 50 20000 4 0.15 0.03
