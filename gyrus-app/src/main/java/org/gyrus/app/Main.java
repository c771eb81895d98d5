package org.gyrus.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    description = "Compose, search and reason with neural and neuro-symbolic architectures.")
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /**
   * Every subcommand by name, in the order help lists them. picocli reads the options of each
   * command it is given (about 0.6 CPU s for all of them, more than the JVM's own start), so a
   * command line that names one is given only that one; anything else (help, a typo) gets all.
   */
  static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

  private static Map<String, Class<?>> subcommands() {
    Map<String, Class<?>> m = new LinkedHashMap<>();
    m.put("demo", DemoCommand.class);
    m.put("analyse", AnalyseCommand.class);
    m.put("search", SearchCommand.class);
    m.put("worker", WorkerCommand.class);
    m.put("study", StudyCommand.class);
    m.put("bench", BenchCommand.class);
    m.put("prove", ProveCommand.class);
    m.put("plan", PlanCommand.class);
    m.put("reason", ReasonCommand.class);
    m.put("kb", KbCommand.class);
    m.put("dashboard", DashboardCommand.class);
    m.put("draw", DrawCommand.class);
    m.put("nesy", NesyCommand.class);
    m.put("trial", TrialCommand.class);
    m.put("types", TypesCommand.class);
    m.put("explain", ExplainCommand.class);
    m.put("learn-rules", LearnRulesCommand.class);
    m.put("learn-trains-perception", LearnTrainsPerceptionCommand.class);
    m.put("regress", RegressCommand.class);
    m.put("agents", AgentsCommand.class);
    m.put("discover", DiscoverCommand.class);
    m.put("clutrr", ClutrrCommand.class);
    m.put("oneshot", OneShotCommand.class);
    m.put("nsr", NsrCommand.class);
    return java.util.Collections.unmodifiableMap(m);
  }

  /** The root command line for {@code args}: only the named subcommand, or every one. */
  static CommandLine commandLine(String[] args) {
    CommandLine cl = Cli.commandLine(new Main());
    Class<?> named = args.length == 0 ? null : SUBCOMMANDS.get(args[0]);
    if (named != null) {
      cl.addSubcommand(args[0], named);
    } else {
      SUBCOMMANDS.forEach(cl::addSubcommand);
    }
    return cl;
  }

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
      Runnable study = StudyCommand.fromPlainArgs(rest);
      if (study != null) {
        return Cli.callFast(
            () -> {
              study.run();
              return 0;
            });
      }
      CommandLine cl = commandLine(rest);
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
