package org.gyrus.logic.ilp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** V-LoL's Popper task (popper-gt2: 100 trains, 47 east / 53 west), read as is and learned. */
class PopperGt2Test {
  @Test
  void learnsTheGt2TaskExactly() {
    String data = System.getenv("GYRUS_DATA");
    Assumptions.assumeTrue(data != null, "GYRUS_DATA not set: skipping the popper-gt2 task");
    Path dir = Path.of(data, "michalski-trains", "popper-gt2");
    Assumptions.assumeTrue(Files.isDirectory(dir), "no " + dir);
    Task task = Task.readPopper(dir);
    assertThat(task.examples()).hasSize(100);
    assertThat(task.positives()).isEqualTo(47);
    Learner.Result r = Learner.learn(task, new Learner.Options(120, false));
    System.out.println(
        r.status() + " in " + r.seconds() + " s, tested " + r.tested() + "\n" + r.programText());
    assertThat(r.status()).isEqualTo(Learner.Status.SOLVED);
    assertThat(r.accuracy()).isEqualTo(1.0);
  }
}
