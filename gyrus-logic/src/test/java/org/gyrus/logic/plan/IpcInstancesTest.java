package org.gyrus.logic.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** One small instance of each IPC 1998-2002 domain, solved (and optimally) and validated. */
class IpcInstancesTest {
  static Stream<String> domains() throws IOException {
    String data = System.getenv("GYRUS_DATA");
    if (data == null || !Files.isDirectory(Path.of(data, "pddl-ipc"))) {
      return Stream.of("(no $GYRUS_DATA/pddl-ipc)");
    }
    try (Stream<Path> s = Files.list(Path.of(data, "pddl-ipc"))) {
      List<Path> ipcs = s.filter(Files::isDirectory).sorted().toList();
      return ipcs.stream()
          .flatMap(
              ipc -> {
                try (Stream<Path> d = Files.list(ipc)) {
                  return d
                      .filter(Files::isDirectory)
                      .sorted()
                      .map(x -> ipc.getFileName() + "/" + x.getFileName())
                      .toList()
                      .stream();
                } catch (IOException e) {
                  throw new IllegalStateException(e);
                }
              });
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("domains")
  void smallInstanceSolvedAndValidated(String domain) {
    String data = System.getenv("GYRUS_DATA");
    Assumptions.assumeTrue(
        data != null && Files.isDirectory(Path.of(data, "pddl-ipc")),
        "GYRUS_DATA with pddl-ipc/ not set: skipping the IPC instances");
    Path dir = Path.of(data, "pddl-ipc", domain);
    Pddl.Domain d = PddlParser.parseDomain(dir.resolve("domain.pddl"));
    Pddl.Problem p = PddlParser.parseProblem(dir.resolve("instances/instance-1.pddl"), d);
    Planner.Result sat = Planner.solve(d, p, Planner.Options.satisficing(30));
    assertThat(sat.status()).isEqualTo(Planner.Status.SOLVED);
    Validator.Verdict v = Validator.validate(d, p, sat.plan());
    assertThat(v.valid()).as(v.error()).isTrue();
    assertThat(v.cost()).isEqualTo(sat.cost());
    Planner.Result opt = Planner.solve(d, p, Planner.Options.optimal(2)); // small ones only
    if (opt.status() == Planner.Status.SOLVED) {
      assertThat(Validator.validate(d, p, opt.plan()).valid()).isTrue();
      assertThat(opt.cost()).isLessThanOrEqualTo(sat.cost());
    }
  }
}
