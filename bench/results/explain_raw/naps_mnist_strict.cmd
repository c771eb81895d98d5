gyrus analyse naps --dataset mnist --hidden 256,256,256,256 --epochs 5 --timeout 2 --solver crown-only --attack 300 --delta 0.995,1.0 --balls 0 --net-cache gyrus-nn/target/explain-nets/mnist.bin
