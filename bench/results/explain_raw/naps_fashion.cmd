gyrus analyse naps --dataset fashion-mnist --hidden 256,256,256,256 --epochs 5 --timeout 10 --delta 0.99,0.97,0.95 --balls 0 --net-cache gyrus-nn/target/explain-nets/fashion.bin
