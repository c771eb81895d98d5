java -cp CP org.gyrus.agents.game.GameGrid fashion-mnist 2,4 16,64 1500 10000 1000 3 1 bench/results/agents_raw/game_fashion.jsonl
