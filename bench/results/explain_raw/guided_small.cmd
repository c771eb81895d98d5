gyrus analyse guided --lambda 0,3 --train 300 --test 300 --epochs 10
