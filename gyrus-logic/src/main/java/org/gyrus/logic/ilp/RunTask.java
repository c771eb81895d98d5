package org.gyrus.logic.ilp;

import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code RunTask DIR TIMEOUT [noise]}: learns a Popper task directory and prints one JSON line
 * (status, program, training accuracy, seconds) for bench scripts, which cannot use the CLI without
 * building gyrus-app.
 */
public final class RunTask {
  private RunTask() {}

  public static void main(String[] args) {
    Task task = Task.readPopper(Path.of(args[0]));
    boolean noise = args.length > 2 && args[2].equals("noise");
    Learner.Result r = Learner.learn(task, new Learner.Options(Double.parseDouble(args[1]), noise));
    System.out.printf(
        Locale.ROOT,
        "{\"status\": \"%s\", \"program\": \"%s\", \"train_accuracy\": %.4f,"
            + " \"learn_seconds\": %.3f, \"learn_cpu_seconds\": %.3f, \"clauses_tested\": %d}%n",
        r.status(),
        r.programText().strip().replace("\n", "\\n"),
        r.accuracy(),
        r.seconds(),
        r.cpuSeconds(),
        r.tested());
  }
}
