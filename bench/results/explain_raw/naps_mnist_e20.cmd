gyrus analyse naps --dataset mnist --hidden 256,256,256,256 --epochs 20 --timeout 10 --solver crown --attack 300 --delta 0.99,0.995 --balls 0 --net-cache gyrus-nn/target/explain-nets/mnist-e20.bin
