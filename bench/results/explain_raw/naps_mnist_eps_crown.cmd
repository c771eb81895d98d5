gyrus analyse naps --dataset mnist --hidden 256,256,256,256 --epochs 5 --timeout 10 --solver crown --delta 0.99 --balls 1 --eps 0.002,0.005,0.01 --net-cache gyrus-nn/target/explain-nets/mnist.bin
