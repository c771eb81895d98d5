java -cp CP org.gyrus.agents.library.CurriculumBench 1 bench/results/agents_raw/library.jsonl
