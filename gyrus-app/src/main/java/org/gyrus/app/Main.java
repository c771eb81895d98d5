package org.gyrus.app;

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
      SearchCommand.class,
      StudyCommand.class,
      BenchCommand.class,
      ProveCommand.class,
      ReasonCommand.class,
      DashboardCommand.class,
      DrawCommand.class,
      NesyCommand.class
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the CLI and returns its exit code: 0 success, 2 bad input, 1 failure. */
  public static int run(String... args) {
    return Cli.commandLine(new Main()).execute(args);
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
