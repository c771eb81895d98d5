package org.gyrus.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line is built with only the named subcommand, and each name is its command's. */
class MainSubcommandsTest {
  @Test
  void eachNameIsItsCommandsOwnAndANamedCommandGetsOnlyItself() {
    Main.SUBCOMMANDS.forEach(
        (name, c) ->
            assertThat(c.getAnnotation(CommandLine.Command.class).name()).as(name).isEqualTo(name));
    assertThat(Main.commandLine(new String[] {"study", "best"}).getSubcommands())
        .containsOnlyKeys("study");
    for (String[] args :
        List.of(new String[0], new String[] {"--help"}, new String[] {"nosuch", "x"})) {
      assertThat(Main.commandLine(args).getSubcommands().keySet())
          .as("help and typos list every command, in order")
          .containsExactlyElementsOf(Main.SUBCOMMANDS.keySet());
    }
  }
}
