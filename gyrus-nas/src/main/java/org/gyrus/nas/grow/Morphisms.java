package org.gyrus.nas.grow;

import java.util.ArrayList;
import java.util.List;
import org.gyrus.core.Value;
import org.gyrus.core.plugin.Registry;

/** Morphisms by name, from the plug-in registry. */
public final class Morphisms {
  private Morphisms() {}

  public static Registry<MorphismFactory> registry() {
    return Registry.of(MorphismFactory.class, "morphism");
  }

  /** The morphism a spec names ({@code net2wider} or {@code {_type: net2wider, factor: 2}}). */
  public static Morphism of(Value spec, String path) {
    Registry.Resolved<MorphismFactory> r = registry().resolve(spec, path);
    return r.component().create(r.args());
  }

  /** Every registered morphism with its default arguments. */
  public static List<Morphism> defaults() {
    List<Morphism> all = new ArrayList<>();
    for (String name : registry().names()) {
      all.add(of(new Value.StrVal(name), "morphism"));
    }
    return all;
  }
}
