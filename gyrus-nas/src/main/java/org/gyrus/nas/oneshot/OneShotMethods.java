package org.gyrus.nas.oneshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.Value;
import org.gyrus.core.plugin.Registry;

/**
 * One-shot methods by name, from the plug-in registry, plus short names for common settings: {@code
 * darts-guard}, {@code sharpdarts}, {@code sharpdarts-guard} (DARTS's variants) and {@code rsps}
 * (ENAS's supernet with uniform sampling instead of the controller: random search with parameter
 * sharing). A method is a name or a spec such as {@code {_type: enas, buffer: 20}}.
 */
public final class OneShotMethods {
  private OneShotMethods() {}

  private static final Map<String, String> SHORT =
      Map.of(
          "darts-guard", "{_type: darts, guard: true}",
          "sharpdarts", "{_type: darts, weighting: maxw, schedule: cospower}",
          "sharpdarts-guard", "{_type: darts, weighting: maxw, schedule: cospower, guard: true}",
          "rsps", "{_type: enas, controller: false}",
          "fairnas", "{_type: enas, controller: false, fair: true}");

  public static Registry<OneShotMethodFactory> registry() {
    return Registry.of(OneShotMethodFactory.class, "one-shot method");
  }

  /** The registered names and the short names. */
  public static List<String> names() {
    List<String> names = new ArrayList<>(registry().names());
    names.addAll(new java.util.TreeSet<>(SHORT.keySet()));
    return names;
  }

  /** The spec a method string stands for (a short name expanded, YAML parsed). */
  public static Value spec(String method) {
    String text = SHORT.getOrDefault(method.trim(), method.trim());
    return text.startsWith("{") ? SpecCodec.fromYaml(text) : new Value.StrVal(text);
  }

  /** The search a method string names, at this scale; bad names and arguments fail here. */
  public static OneShotSearch create(String method, Scale scale) {
    Registry.Resolved<OneShotMethodFactory> r = registry().resolve(spec(method), "method");
    return r.component().create(r.args(), scale);
  }
}
