gyrus analyse concepts --train 4000 --probes 300 --epochs 8
