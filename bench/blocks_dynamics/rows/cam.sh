#!/usr/bin/env bash
# Row cam (B11): spiking CAM recall vs fragment size and stored patterns; forgetting curve.
# 5 networks per point; under a minute on the shared box.
source "$(dirname "$0")/../env.sh"
"${JAVA[@]}" org.gyrus.nn.bench.CamBench "$OUT" 5
