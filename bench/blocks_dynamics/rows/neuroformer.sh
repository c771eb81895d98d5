#!/usr/bin/env bash
# Row neuroformer (B14): spike transformer on a 50-neuron random LIF circuit, 20000 1-ms bins,
# 20 epochs at Adam 1e-2 (about 1.5 minutes of training on the shared box).
source "$(dirname "$0")/../env.sh"
"${JAVA[@]}" org.gyrus.nn.bench.NeuroformerBench "$OUT" 50 20000 20 0.15 0.03
