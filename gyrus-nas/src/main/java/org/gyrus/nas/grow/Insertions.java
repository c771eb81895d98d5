package org.gyrus.nas.grow;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gyrus.core.Value;
import org.gyrus.nas.grow.Outcome.Applied;
import org.gyrus.nas.grow.Outcome.Refused;

/** Inserting a new layer with given weights after a site, keeping the head as it was. */
final class Insertions {
  private Insertions() {}

  /**
   * {@code layer} inserted after {@code site}, its parameters {@code params} (a composite layer
   * passes its inner layers' weights keyed by the path suffix after the new item's path).
   */
  static Outcome insertAfter(
      Net net, Site site, Value layer, Map<String, Map<String, Tensor>> params, String what) {
    int at = site.index() + 1;
    String listPath = site.list().path();
    Value spec = SpecPaths.insert(net.spec(), listPath, at, layer);
    Map<String, Map<String, Tensor>> w = SpecPaths.shifted(net.weights(), listPath, at);
    String newPath = listPath + "[" + at + "]";
    params.forEach((suffix, p) -> w.put(newPath + suffix, p));
    Net out = net.with(spec, sorted(w));
    if (!Net2Wider.headOf(out).equals(Net2Wider.headOf(net))) {
      return new Refused(site.path() + ": inserting here would change the automatic head");
    }
    return new Applied(out, what + " after " + site.path());
  }

  static Outcome insertLayerAfter(
      Net net, Site site, Value layer, Map<String, Tensor> params, String what) {
    Map<String, Map<String, Tensor>> one = new LinkedHashMap<>();
    one.put("", params);
    return insertAfter(net, site, layer, one, what);
  }

  /** Weights in spec order is not needed for loading; kept stable for readability. */
  private static Map<String, Map<String, Tensor>> sorted(Map<String, Map<String, Tensor>> w) {
    return new LinkedHashMap<>(w);
  }
}
