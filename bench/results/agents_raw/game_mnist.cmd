java -cp CP org.gyrus.agents.game.GameGrid mnist 1,2,4 4,16,64 1500 10000 1000 3 1 bench/results/agents_raw/game_mnist.jsonl
java -cp CP org.gyrus.agents.game.GameGrid mnist 1,2,4 4,16,64 1500 10000 1000 3 2 bench/results/agents_raw/game_mnist.jsonl
