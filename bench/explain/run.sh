#!/usr/bin/env bash
# Issue 22: explain and verify trained networks. Runs `gyrus analyse naps|concepts|guided` from the
# built classes (not ./gyrus: no install into ~/.m2), one engine thread, nice 10, and writes
# bench/results/explain.{json,md}. Usage: bench/explain/run.sh [PARTS]
# PARTS from "naps_mnist naps_mnist_crown_bounds naps_mnist_crown naps_mnist_strict naps_mnist_e20
# naps_fashion naps_fashion_crown naps_mnist_eps naps_mnist_eps_crown naps_mnist_sparse naps_mnist_deep
# naps_mnist_deep_eps naps_mnist_deep_long naps_mnist_deep4_long naps_mnist_deep4_deep naps_mnist_deep4_deep96 naps_fashion_deep4_deep concepts guided guided_small" (default all); rows of other parts are kept.
set -euo pipefail
cd "$(dirname "$0")/../.."
PARTS=${1:-naps_mnist naps_mnist_crown_bounds naps_mnist_crown naps_mnist_strict naps_mnist_e20 naps_fashion naps_fashion_crown naps_mnist_eps naps_mnist_eps_crown naps_mnist_sparse naps_mnist_deep naps_mnist_deep_eps naps_mnist_deep_long naps_mnist_deep4_long naps_mnist_deep4_deep naps_mnist_deep4_deep96 naps_fashion_deep4_deep concepts guided guided_small}
DATA=${GYRUS_DATA:-$(cd .. && pwd)/shared/data}
OUT=bench/results
RAW=$OUT/explain_raw
mkdir -p "$RAW"
./mvnw -o -q -B -pl gyrus-app -am compile -Dspotless.skip=true
./mvnw -o -q -B -pl gyrus-nn dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt \
  -Dmdep.includeScope=runtime >/dev/null
./mvnw -o -q -B -pl gyrus-app dependency:build-classpath -Dmdep.outputFile=target/app-cp.txt >/dev/null
CP=""
for m in gyrus-app gyrus-nesy gyrus-logic gyrus-core gyrus-nn gyrus-search gyrus-nas; do CP="$CP$m/target/classes:"; done
# gyrus-nn's own list first: the app's list may name an older gyrus-nn from ~/.m2
CP="$CP$(cat gyrus-nn/target/bench-cp.txt):$(cat gyrus-app/target/app-cp.txt)"
export OMP_NUM_THREADS=1 OMP_WAIT_POLICY=PASSIVE GYRUS_DATA="$DATA"
export MALLOC_MMAP_THRESHOLD_=33554432 MALLOC_TRIM_THRESHOLD_=1073741824 MALLOC_TOP_PAD_=268435456
gyrus() {
  nice -n 10 java -Xmx3g -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 \
    -Dai.djl.pytorch.num_interop_threads=1 -cp "$CP" org.gyrus.app.Main "$@"
}
# B17's MNIST network is VNN-COMP 2021 mnist-net_256x4 (four hidden ReLU layers of 256); NAPs over
# every hidden neuron, a sweep of the mining threshold delta. The trained network is cached under
# target/ so the _eps part verifies balls on the same network without retraining.
NETS=gyrus-nn/target/explain-nets
mkdir -p "$NETS"
NAPS="--hidden ${NAP_HIDDEN:-256,256,256,256} --epochs ${NAP_EPOCHS:-5} --timeout ${NAP_TIMEOUT:-10}"
for p in $PARTS; do
  case $p in
    naps_mnist) args="analyse naps --dataset mnist $NAPS --delta 0.99,0.98,0.97,0.95 --balls 0 --net-cache $NETS/mnist.bin" ;;
    # the same specs, beta-CROWN bounds per rival and the MILP only (how far the bounds get)
    naps_mnist_crown_bounds) args="analyse naps --dataset mnist --hidden ${NAP_HIDDEN:-256,256,256,256} --epochs ${NAP_EPOCHS:-5} --timeout ${NAP_CROWN_TIMEOUT:-20} --solver crown --delta 0.99,0.98,0.97,0.95 --balls 0 --net-cache $NETS/mnist.bin" ;;
    # the same specs: a counterexample search inside the NAP (300 steps per seed and rival), then
    # beta-CROWN bounds per rival and the MILP for the rivals they leave open
    naps_mnist_crown) args="analyse naps --dataset mnist --hidden ${NAP_HIDDEN:-256,256,256,256} --epochs ${NAP_EPOCHS:-5} --timeout ${NAP_CROWN_TIMEOUT:-20} --solver crown --attack 300 --delta 0.99,0.98,0.97,0.95 --balls 0 --net-cache $NETS/mnist.bin" ;;
    # B17's robustness regions (L-inf balls, plain and cut by NAP_c) with the same solver
    naps_mnist_eps_crown) args="analyse naps --dataset mnist --hidden ${NAP_HIDDEN:-256,256,256,256} --epochs ${NAP_EPOCHS:-5} --timeout 10 --solver crown --delta 0.99 --balls 1 --eps 0.002,0.005,0.01 --net-cache $NETS/mnist.bin" ;;
    naps_fashion) args="analyse naps --dataset fashion-mnist $NAPS --delta 0.99,0.97,0.95 --balls 0 --net-cache $NETS/fashion.bin" ;;
    # the thresholds of B17's mining notebook and scripts (tolerance 0.005 and 0: delta 0.995, 1)
    naps_mnist_strict) args="analyse naps --dataset mnist --hidden ${NAP_HIDDEN:-256,256,256,256} --epochs ${NAP_EPOCHS:-5} --timeout 2 --solver crown-only --attack 300 --delta 0.995,1.0 --balls 0 --net-cache $NETS/mnist.bin" ;;
    # the same network trained 4x longer: does longer training give B17's deep-layer sparsity?
    naps_mnist_e20) args="analyse naps --dataset mnist --hidden ${NAP_HIDDEN:-256,256,256,256} --epochs 20 --timeout 10 --solver crown --attack 300 --delta 0.99,0.995 --balls 0 --net-cache $NETS/mnist-e20.bin" ;;
    # Fashion-MNIST with the MNIST protocol of naps_mnist_crown (attack, beta-CROWN, MILP)
    naps_fashion_crown) args="analyse naps --dataset fashion-mnist --hidden ${NAP_HIDDEN:-256,256,256,256} --epochs ${NAP_EPOCHS:-5} --timeout ${NAP_CROWN_TIMEOUT:-20} --solver crown --attack 300 --delta 0.99,0.98,0.97,0.95 --balls 0 --net-cache $NETS/fashion.bin" ;;
    # naps_mnist_crown's protocol on a network trained with an L1 penalty on its hidden activations
    # (NAP_L1 times their mean): sparse per-class activity, B17's deep layers almost all off
    naps_mnist_sparse) args="analyse naps --dataset mnist --hidden ${NAP_HIDDEN:-256,256,256,256} --epochs ${NAP_EPOCHS:-5} --l1-activations ${NAP_L1:-1} --timeout ${NAP_CROWN_TIMEOUT:-20} --solver crown --attack 300 --delta 0.99,0.98,0.97,0.95 --balls 0 --net-cache $NETS/mnist-l1-${NAP_L1:-1}.bin" ;;
    # the same with the penalty weighted per hidden layer (NAP_L1_LAYERS times NAP_L1): layer 3 x24
    # makes it B17's bottleneck (per class ~1 unit on, ~240 of 256 fixed off), layer 4 x8, layer 1
    # free; rivals the bounds leave open go to exact MILPs over the last layers first (TailBound)
    naps_mnist_deep) args="analyse naps --dataset mnist --hidden ${NAP_HIDDEN:-256,256,256,256} --epochs ${NAP_EPOCHS:-5} --l1-activations ${NAP_L1:-1} --l1-layers ${NAP_L1_LAYERS:-0,0.5,24,8} --timeout ${NAP_CROWN_TIMEOUT:-20} --solver crown --attack 300 --delta 0.99,0.98,0.97,0.95 --balls 0 --net-cache $NETS/mnist-deep-${NAP_L1:-1}-${NAP_L1_LAYERS:-0,0.5,24,8}.bin" ;;
    # B17's robustness regions (L-inf balls, plain and cut by NAP_c) on naps_mnist_deep's network
    naps_mnist_deep_eps) args="analyse naps --dataset mnist --hidden ${NAP_HIDDEN:-256,256,256,256} --epochs ${NAP_EPOCHS:-5} --l1-activations ${NAP_L1:-1} --l1-layers ${NAP_L1_LAYERS:-0,0.5,24,8} --timeout 10 --solver crown --delta 0.99 --balls 1 --eps 0.002,0.005,0.01 --net-cache $NETS/mnist-deep-${NAP_L1:-1}-${NAP_L1_LAYERS:-0,0.5,24,8}.bin" ;;
    # naps_mnist_deep's network and specs at delta 0.95/0.97 with 1500 beta-CROWN steps per rival
    naps_mnist_deep_long) args="analyse naps --dataset mnist --hidden ${NAP_HIDDEN:-256,256,256,256} --epochs ${NAP_EPOCHS:-5} --l1-activations ${NAP_L1:-1} --l1-layers ${NAP_L1_LAYERS:-0,0.5,24,8} --timeout 30 --solver crown-long --attack 300 --delta 0.95,0.97 --balls 0 --net-cache $NETS/mnist-deep-${NAP_L1:-1}-${NAP_L1_LAYERS:-0,0.5,24,8}.bin" ;;
    # as naps_mnist_deep_long, with layer 4 penalised like layer 3 (weights 0,0.5,24,24)
    naps_mnist_deep4_long) args="analyse naps --dataset mnist --hidden ${NAP_HIDDEN:-256,256,256,256} --epochs ${NAP_EPOCHS:-5} --l1-activations ${NAP_L1:-1} --l1-layers 0,0.5,24,24 --timeout 30 --solver crown-long --attack 300 --delta 0.95,0.97 --balls 0 --net-cache $NETS/mnist-deep-${NAP_L1:-1}-0,0.5,24,24.bin" ;;
    # naps_mnist_deep4_long's network and specs with --solver crown-deep (long ascents for the deep
    # layers' few undecided neurons, a faster decaying beta rate per rival), 45 s per spec
    naps_mnist_deep4_deep) args="analyse naps --dataset mnist --hidden ${NAP_HIDDEN:-256,256,256,256} --epochs ${NAP_EPOCHS:-5} --l1-activations ${NAP_L1:-1} --l1-layers 0,0.5,24,24 --timeout ${NAP_DEEP_TIMEOUT:-45} --solver crown-deep --attack 300 --delta ${NAP_DEEP_DELTAS:-0.95,0.97,0.99} --balls 0 --net-cache $NETS/mnist-deep-${NAP_L1:-1}-0,0.5,24,24.bin" ;;
    # naps_mnist_deep4_deep between its two lowest thresholds (delta 0.96)
    naps_mnist_deep4_deep96) args="analyse naps --dataset mnist --hidden ${NAP_HIDDEN:-256,256,256,256} --epochs ${NAP_EPOCHS:-5} --l1-activations ${NAP_L1:-1} --l1-layers 0,0.5,24,24 --timeout ${NAP_DEEP_TIMEOUT:-45} --solver crown-deep --attack 300 --delta 0.96 --balls 0 --net-cache $NETS/mnist-deep-${NAP_L1:-1}-0,0.5,24,24.bin" ;;
    # the same protocol on Fashion-MNIST (its own network, trained with the 0,0.5,24,24 penalty)
    naps_fashion_deep4_deep) args="analyse naps --dataset fashion-mnist --hidden ${NAP_HIDDEN:-256,256,256,256} --epochs ${NAP_EPOCHS:-5} --l1-activations ${NAP_L1:-1} --l1-layers 0,0.5,24,24 --timeout ${NAP_DEEP_TIMEOUT:-45} --solver crown-deep --attack 300 --delta ${NAP_DEEP_DELTAS:-0.95,0.97,0.99} --balls 0 --net-cache $NETS/fashion-deep-${NAP_L1:-1}-0,0.5,24,24.bin" ;;
    naps_mnist_eps) args="analyse naps --dataset mnist $NAPS --delta 0.99 --balls 1 --eps 0.002 --net-cache $NETS/mnist.bin" ;;
    concepts) args="analyse concepts --train 4000 --probes 300 --epochs 8" ;;
    guided) args="analyse guided --lambda 0,1 --train 3000 --test 300 --epochs 4" ;;
    guided_small) args="analyse guided --lambda 0,3 --train 300 --test 300 --epochs 10" ;;
    *) echo "unknown part $p" >&2; exit 2 ;;
  esac
  echo "gyrus $args" > "$RAW/$p.cmd"
  # shellcheck disable=SC2086
  gyrus $args --json "$RAW/$p.jsonl" 2> >(grep -v -i -E "warn|ojalgo|profile|hardware|architecture=|appreciated|better matches" >&2) | tee "$RAW/$p.log"
done
/usr/bin/python3 bench/explain/report.py "$RAW" "$OUT/explain.json" "$OUT/explain.md"
