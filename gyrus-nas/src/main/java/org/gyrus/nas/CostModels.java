package org.gyrus.nas;

import java.util.List;
import org.gyrus.core.Value;
import org.gyrus.core.plugin.Registry;

/** Cost models by name, from the plug-in registry. */
public final class CostModels {
  private CostModels() {}

  public static Registry<CostModelFactory> registry() {
    return Registry.of(CostModelFactory.class, "cost model");
  }

  public static List<String> names() {
    return registry().names();
  }

  /** The cost model a spec names ({@code accelerator} or {@code {_type: cpu_latency, ...}}). */
  public static CostModel of(Value spec, String path) {
    Registry.Resolved<CostModelFactory> r = registry().resolve(spec, path);
    return r.component().create(r.args());
  }
}
