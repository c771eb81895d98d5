package org.gyrus.agents.library;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Bench main: the family curriculum with the library (the proposer calls admitted modules) and
 * without (base relations only). Writes one JSON line per task and run, then one summary line per
 * run. Usage: {@code CurriculumBench SEED OUT.jsonl}.
 */
public final class CurriculumBench {
  private CurriculumBench() {}

  public static void main(String[] a) throws IOException {
    if (a.length != 2) {
      System.err.println("error: usage CurriculumBench SEED OUT.jsonl");
      System.exit(2);
    }
    long seed = Long.parseLong(a[0]);
    Path out = Path.of(a[1]);
    List<String> lines = new ArrayList<>();
    for (boolean useLibrary : new boolean[] {true, false}) {
      String run = useLibrary ? "library" : "base_only";
      Curriculum c =
          new Curriculum(
              new ModuleLibrary(Curriculum.familyBase()), new EnumeratingProposer(useLibrary), 10);
      List<Curriculum.Step> steps = c.run(Curriculum.family(seed));
      int solved = 0;
      int reusedByName = 0;
      int admitted = 0;
      int callingLibrary = 0;
      long tried = 0;
      for (int i = 0; i < steps.size(); i++) {
        Curriculum.Step s = steps.get(i);
        tried += s.candidatesTried();
        solved += s.module() != null ? 1 : 0;
        reusedByName += s.outcome().equals("reused") ? 1 : 0;
        if (s.outcome().startsWith("admitted")) {
          admitted++;
          callingLibrary += s.calls().isEmpty() ? 0 : 1;
        }
        String line = stepJson(run, i + 1, s);
        System.out.println(line);
        lines.add(line);
      }
      ModuleLibrary lib = c.library();
      String summary =
          String.format(
              Locale.ROOT,
              "{\"run\": \"%s\", \"summary\": true, \"tasks\": %d, \"solved\": %d, "
                  + "\"reused_by_name\": %d, \"admitted\": %d, \"admitted_calling_library\": %d, "
                  + "\"reuse_rate\": %.4f, \"refused\": %d, \"retired\": %d, \"library_size\": %d, "
                  + "\"candidates_tried\": %d}",
              run,
              steps.size(),
              solved,
              reusedByName,
              admitted,
              callingLibrary,
              solved == 0 ? 0.0 : (double) (reusedByName + callingLibrary) / solved,
              lib.refused().size(),
              lib.retired().size(),
              lib.active().size(),
              tried);
      System.out.println(summary);
      lines.add(summary);
    }
    try {
      if (out.getParent() != null) {
        Files.createDirectories(out.getParent());
      }
      Files.write(out, lines);
    } catch (IOException e) {
      throw new UncheckedIOException(out + ": cannot write: " + e.getMessage(), e);
    }
  }

  static String stepJson(String run, int index, Curriculum.Step s) {
    StringBuilder refusals = new StringBuilder("[");
    for (Decision.Refused r : s.refusals()) {
      refusals
          .append(refusals.length() > 1 ? ", " : "")
          .append('{')
          .append("\"module\": ")
          .append(q(String.join(" ", r.module().rules())))
          .append(", \"reason\": ")
          .append(q(r.reason()))
          .append(", \"failing_case\": ")
          .append(r.failing() == null ? "null" : q(r.failing().describe()))
          .append('}');
    }
    refusals.append(']');
    return String.format(
        Locale.ROOT,
        "{\"run\": \"%s\", \"index\": %d, \"task\": \"%s\", \"outcome\": \"%s\", \"module\": %s, "
            + "\"version\": %d, \"calls\": %s, \"candidates_tried\": %d, \"refusals\": %s, "
            + "\"library_size\": %d, \"ms\": %.1f}",
        run,
        index,
        s.task(),
        s.outcome(),
        s.module() == null ? "null" : q(String.join(" ", s.module().rules())),
        s.module() == null ? 0 : s.module().version(),
        s.calls().stream().map(CurriculumBench::q).toList(),
        s.candidatesTried(),
        refusals,
        s.librarySize(),
        s.millis());
  }

  static String q(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
