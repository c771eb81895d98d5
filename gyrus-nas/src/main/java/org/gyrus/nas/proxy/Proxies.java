package org.gyrus.nas.proxy;

import java.util.List;
import org.gyrus.core.Value;
import org.gyrus.core.plugin.Registry;

/** Training-free proxies by name, from the plug-in registry. */
public final class Proxies {
  private Proxies() {}

  public static Registry<ProxyFactory> registry() {
    return Registry.of(ProxyFactory.class, "proxy");
  }

  public static List<String> names() {
    return registry().names();
  }

  /** The proxy a spec names ({@code synflow} or {@code {_type: zen, alpha: 0.01}}). */
  public static Proxy of(Value spec, String path) {
    Registry.Resolved<ProxyFactory> r = registry().resolve(spec, path);
    return r.component().create(r.args());
  }

  /** The proxy of this name with its default arguments. */
  public static Proxy of(String name) {
    return of(new Value.StrVal(name), "proxy");
  }
}
