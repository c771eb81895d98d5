package org.gyrus.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.gyrus.core.ArgSpec;
import org.gyrus.core.NodeType;
import org.gyrus.core.SpecError;
import org.gyrus.core.Suggest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gyrus explain NAME}: a node type's arguments, from its one declaration. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = "Show the arguments of a node type (see gyrus types).")
final class ExplainCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "NAME", description = "A type name, e.g. conv2d or tpe.")
  String name;

  @Override
  public Integer call() {
    List<String> known = new ArrayList<>();
    boolean found = false;
    for (Map.Entry<String, List<NodeType>> e : Catalog.all().entrySet()) {
      for (NodeType t : e.getValue()) {
        known.add(t.name());
        if (t.name().equals(name)) {
          print(e.getKey(), t);
          found = true;
        }
      }
    }
    if (!found) {
      throw new SpecError("NAME", "a type name " + Suggest.closest(name, known), "'" + name + "'");
    }
    return 0;
  }

  private static void print(String kind, NodeType t) {
    String singular = kind.endsWith("s") ? kind.substring(0, kind.length() - 1) : kind;
    System.out.println(t.name() + " (" + singular + "): " + t.doc());
    if (t.args().isEmpty()) {
      System.out.println("  no arguments");
      return;
    }
    for (ArgSpec a : t.args()) {
      String dflt =
          a.required()
              ? "required"
              : a.defaultValue() == null ? "optional" : "default " + a.defaultValue();
      System.out.printf("  %-14s %s; %s%n", a.name(), a.accepts(), dflt);
      if (!a.doc().isEmpty()) {
        System.out.printf("  %-14s %s%n", "", a.doc());
      }
    }
  }
}
