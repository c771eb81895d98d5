package org.gyrus.search;

import org.gyrus.core.Args;
import org.gyrus.core.NodeType;
import org.gyrus.core.Value;
import org.gyrus.core.plugin.Register;
import org.gyrus.core.plugin.Registry;

/** Decides from a running trial's intermediate values whether to stop it early. */
public interface Pruner {
  boolean shouldPrune(Trial running, long step, History history);

  /** Never prunes. */
  Pruner NONE = (t, s, h) -> false;

  static Registry<PrunerFactory> registry() {
    return Registry.of(PrunerFactory.class, "pruner");
  }

  /** The pruner a spec names ({@code median} or {@code {_type: median, startup: 5}}). */
  static Pruner of(Value spec, String path) {
    Registry.Resolved<PrunerFactory> r = registry().resolve(spec, path);
    return r.component().create(r.args());
  }

  /** {@code none}: the registered factory of {@link #NONE}. */
  @Register
  final class None implements PrunerFactory {
    @Override
    public NodeType type() {
      return NodeType.of("none", "never prune");
    }

    @Override
    public Pruner create(Args a) {
      return NONE;
    }
  }
}
