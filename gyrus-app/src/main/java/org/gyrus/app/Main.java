package org.gyrus.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.gyrus.core.SpecError;
import org.gyrus.core.plugin.Plugins;
import org.gyrus.logic.datalog.provenance.Semirings;
import org.gyrus.nn.blocks.BlockTypes;
import org.gyrus.search.Evaluators;
import org.gyrus.search.Pruner;
import org.gyrus.search.algo.Algorithms;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code gyrus} command line. */
@Command(
    name = "gyrus",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Compose, search and reason with neural and neuro-symbolic architectures.",
    subcommands = {
      DemoCommand.class,
      AnalyseCommand.class,
      SearchCommand.class,
      WorkerCommand.class,
      StudyCommand.class,
      BenchCommand.class,
      ProveCommand.class,
      PlanCommand.class,
      ReasonCommand.class,
      KbCommand.class,
      DashboardCommand.class,
      DrawCommand.class,
      NesyCommand.class,
      TrialCommand.class,
      TypesCommand.class,
      ExplainCommand.class,
      LearnRulesCommand.class,
      RegressCommand.class,
      AgentsCommand.class,
      DiscoverCommand.class,
      ClutrrCommand.class,
      OneShotCommand.class,
      NsrCommand.class
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  @CommandLine.Option(
      names = "--plugin",
      paramLabel = "JAR",
      description =
          "A jar of plug-ins (algorithms, block types, semirings, evaluators...), before the"
              + " command; repeatable. GYRUS_CLASSPATH adds more (path-separated).")
  List<Path> plugins;

  /** Runs the CLI and returns its exit code: 0 success, 2 bad input, 1 failure. */
  public static int run(String... args) {
    List<Path> jars = new ArrayList<>(Plugins.fromPathList(System.getenv("GYRUS_CLASSPATH")));
    int i = 0;
    while (i < args.length && (args[i].equals("--plugin") || args[i].startsWith("--plugin="))) {
      if (args[i].equals("--plugin")) {
        if (i + 1 == args.length) {
          break; // picocli reports the missing value
        }
        jars.add(Path.of(args[i + 1]));
        i += 2;
      } else {
        jars.add(Path.of(args[i].substring("--plugin=".length())));
        i++;
      }
    }
    Thread t = Thread.currentThread();
    ClassLoader before = t.getContextClassLoader();
    try {
      t.setContextClassLoader(Plugins.loader(jars, Main.class.getClassLoader()));
    } catch (SpecError e) {
      System.err.println("error: " + e.getMessage());
      return Cli.BAD_INPUT;
    }
    try {
      String[] rest = Arrays.copyOfRange(args, i, args.length);
      ReasonCommand reason = plainReason(rest);
      if (reason != null) {
        return Cli.callFast(reason);
      }
      CommandLine cl = Cli.commandLine(new Main());
      listRegistries(cl);
      return cl.execute(rest);
    } finally {
      t.setContextClassLoader(before);
    }
  }

  /**
   * {@code reason} with plain arguments, read without picocli: a point query's answer is measured
   * as whole-process time, and picocli's start-up over every subcommand is most of the fixed part.
   */
  private static ReasonCommand plainReason(String[] args) {
    if (args.length == 0 || !args[0].equals("reason")) {
      return null;
    }
    return ReasonCommand.fromPlainArgs(Arrays.copyOfRange(args, 1, args.length));
  }

  /**
   * Help footers that list the registered names (plug-ins included), never a copied list. Built
   * only when a help page is printed, so ordinary commands do not load every registry.
   */
  private static void listRegistries(CommandLine cl) {
    String explain = "gyrus types lists every type; gyrus explain NAME shows its arguments.";
    Supplier<String> algorithms = () -> "Algorithms: " + String.join(", ", Algorithms.names());
    footer(cl, "bench", () -> List.of(algorithms.get(), explain));
    footer(
        cl,
        "search",
        () ->
            List.of(
                algorithms.get(),
                "Evaluators: " + String.join(", ", Evaluators.registry().names()),
                "Pruners: " + String.join(", ", Pruner.registry().names()),
                explain));
    footer(
        cl, "reason", () -> List.of("Semirings: " + String.join(", ", Semirings.names()), explain));
    footer(
        cl,
        "draw",
        () -> List.of("Block types: " + String.join(", ", BlockTypes.standard().names()), explain));
  }

  private static void footer(CommandLine cl, String command, Supplier<List<String>> lines) {
    CommandLine sub = cl.getSubcommands().get(command);
    if (sub != null) {
      sub.getHelpSectionMap()
          .put(
              CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER,
              help -> String.join(System.lineSeparator(), lines.get()) + System.lineSeparator());
    }
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Reports the version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"gyrus " + org.gyrus.core.GyrusVersion.get()};
    }
  }
}
