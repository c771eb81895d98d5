GOALS_TRAIN=4000 GOALS_TEST=300 GOALS_EPOCHS=15 GOALS_SEEDS="1 2 3" GOALS_TRAIN_BLOCKS="3 5" GOALS_TEST_BLOCKS="6 7" GOALS_CONTROL=1 bench/agents/goals.sh
java -cp CP org.gyrus.agents.goals.GoalExperiment 4000 300 3 5 6 7 15 1 1 bench/results/agents_goals_raw/goals.jsonl
java -cp CP org.gyrus.agents.goals.GoalExperiment 4000 300 3 5 6 7 15 2 1 bench/results/agents_goals_raw/goals.jsonl
java -cp CP org.gyrus.agents.goals.GoalExperiment 4000 300 3 5 6 7 15 3 1 bench/results/agents_goals_raw/goals.jsonl
