gyrus analyse guided --lambda 0,1 --train 3000 --test 300 --epochs 4
