package org.gyrus.agents.library;

import java.util.List;

/**
 * A task of the curriculum: define {@code output}. The proposer sees {@code examples}; admission
 * runs {@code tests} (held out from the proposer).
 */
public record Task(RelType output, List<FewShotTest> examples, List<FewShotTest> tests) {
  public Task {
    examples = List.copyOf(examples);
    tests = List.copyOf(tests);
  }

  public String name() {
    return output.name();
  }
}
