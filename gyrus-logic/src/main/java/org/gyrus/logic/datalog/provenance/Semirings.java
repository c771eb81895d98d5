package org.gyrus.logic.datalog.provenance;

import java.util.List;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value;
import org.gyrus.core.plugin.Registry;

/** Semirings by name, from the plug-in registry: {@code NAME} or {@code NAME:ARG}. */
public final class Semirings {
  private Semirings() {}

  public static Registry<SemiringFactory> registry() {
    return Registry.of(SemiringFactory.class, "semiring");
  }

  /** The names for help texts, with the argument of those that take one ({@code topk:K}). */
  public static List<String> names() {
    return registry().all().stream()
        .map(
            f ->
                f.type().args().isEmpty()
                    ? f.name()
                    : f.name()
                        + ":"
                        + f.type().args().get(0).name().toUpperCase(java.util.Locale.ROOT))
        .toList();
  }

  /** A fresh semiring instance; a SpecError naming the valid names when unknown or ill-formed. */
  public static Semiring<?> of(String name) {
    String n = name.trim();
    int colon = n.indexOf(':');
    String type = colon < 0 ? n : n.substring(0, colon);
    Value.Node spec = new Value.Node(type, java.util.Map.of());
    if (colon >= 0) {
      SemiringFactory f = registry().get(type, "--semiring");
      if (f.type().args().isEmpty()) {
        throw new SpecError("--semiring", type + " without an argument", "'" + n + "'");
      }
      String arg = n.substring(colon + 1);
      Value v;
      try {
        v = new Value.IntVal(Long.parseLong(arg));
      } catch (NumberFormatException e) {
        v = new Value.StrVal(arg);
      }
      spec = spec.with(f.type().args().get(0).name(), v);
    }
    Registry.Resolved<SemiringFactory> r = registry().resolve(spec, "--semiring");
    return r.component().create(r.args());
  }
}
