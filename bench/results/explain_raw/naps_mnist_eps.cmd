gyrus analyse naps --dataset mnist --hidden 256,256,256,256 --epochs 5 --timeout 10 --delta 0.99 --balls 1 --eps 0.002 --net-cache gyrus-nn/target/explain-nets/mnist.bin
