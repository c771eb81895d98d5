gyrus analyse naps --dataset mnist --hidden 256,256,256,256 --epochs 5 --timeout 20 --solver crown --delta 0.99,0.98,0.97,0.95 --balls 0 --net-cache gyrus-nn/target/explain-nets/mnist.bin
