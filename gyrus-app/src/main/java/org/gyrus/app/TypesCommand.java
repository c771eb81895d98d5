package org.gyrus.app;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.gyrus.core.NodeType;
import picocli.CommandLine.Command;

/** {@code gyrus types}: every registered node type by kind, with its one-line doc. */
@Command(
    name = "types",
    mixinStandardHelpOptions = true,
    description = "List every algorithm, pruner, evaluator, block type and semiring by name.")
final class TypesCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    for (Map.Entry<String, List<NodeType>> e : Catalog.all().entrySet()) {
      System.out.println(e.getKey() + ":");
      for (NodeType t : e.getValue()) {
        System.out.printf("  %-22s %s%n", t.name(), t.doc());
      }
      System.out.println();
    }
    System.out.println("gyrus explain NAME shows a type's arguments.");
    return 0;
  }
}
