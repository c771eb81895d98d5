gyrus analyse naps --dataset mnist --hidden 32,32 --epochs 2 --delta 0.9 --timeout 15 --balls 1 --eps 0.02
