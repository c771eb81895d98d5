package org.gyrus.nas;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gyrus.core.ArgSpec;
import org.gyrus.core.ArgSpec.Kind;
import org.gyrus.core.Args;
import org.gyrus.core.DataDir;
import org.gyrus.core.NodeType;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value;
import org.gyrus.core.Value.Node;
import org.gyrus.core.plugin.Register;
import org.gyrus.search.Evaluator;
import org.gyrus.search.EvaluatorFactory;
import org.gyrus.search.Metrics;
import org.gyrus.search.bench.NasBench201;

/**
 * {@code evaluator: {_type: nb201_accelerator}}: network-accelerator co-search (NASAIC, S6). A
 * point is {@code {_type: codesign, cell: <NB201 cell>, accelerator: <accelerator node>}}; its
 * accuracy comes from the NAS-Bench-201 table and its latency, energy and area from the accelerator
 * cost model on NAS-Bench-201's network around the cell. Every measurement is reported, so hard
 * specs ({@code constraints: ["latency_ms <= 2"]}) may name any of them.
 */
@Register
public final class CoSearchEvaluator implements EvaluatorFactory {
  public static final List<String> METRICS =
      List.of("accuracy", "latency_ms", "energy_uj", "area_mm2", "macs_m", "weights_m");

  @Override
  public NodeType type() {
    return NodeType.of(
        "nb201_accelerator",
        "co-search of a NAS-Bench-201 cell (table accuracy) and an accelerator (analytic latency,"
            + " energy, area); reports "
            + String.join(", ", METRICS),
        ArgSpec.optional("objectives", Kind.LIST)
            .doc(
                "metrics returned as objectives, in order (default accuracy, latency_ms, energy_uj)"),
        ArgSpec.optional("cost_model", Kind.ANY, "accelerator").doc("the accelerator cost model"));
  }

  private static List<String> objectives(Args args) {
    List<String> out = new ArrayList<>();
    List<Value> raw = args.list("objectives");
    for (int i = 0; i < raw.size(); i++) {
      String name = raw.get(i) instanceof Value.StrVal s ? s.value() : String.valueOf(raw.get(i));
      if (!METRICS.contains(name)) {
        throw new SpecError(args.pathOf("objectives") + "[" + i + "]", "one of " + METRICS, name);
      }
      out.add(name);
    }
    return out.isEmpty() ? List.of("accuracy", "latency_ms", "energy_uj") : out;
  }

  @Override
  public void checkArgs(Args args) {
    objectives(args);
    if (!(CostModels.of(args.value("cost_model"), "cost_model") instanceof AcceleratorModel)) {
      throw new SpecError("cost_model", "an accelerator model (accelerator)", "another kind");
    }
  }

  @Override
  public Value defaultSpace(Args args) {
    return Node.of("codesign", "cell", NasBench201.space(), "accelerator", Accelerator.space());
  }

  @Override
  public void checkPoint(Args args, Value concrete) {
    parts(concrete);
  }

  private static Node[] parts(Value concrete) {
    if (!(concrete instanceof Node n) || !n.type().equals("codesign")) {
      throw new SpecError("", "a codesign node {cell, accelerator}", String.valueOf(concrete));
    }
    NasBench201.archString(n.arg("cell"));
    Accelerator.from(n.arg("accelerator"), "accelerator");
    return new Node[] {(Node) n.arg("cell"), (Node) n.arg("accelerator")};
  }

  @Override
  public String selectsOn(Args args) {
    return "test (tabular benchmark: the NAS-Bench-201 table holds only test accuracy)";
  }

  @Override
  public List<Path> dataFiles(Args args, Path dataDir) {
    return dataDir == null
        ? List.of()
        : DataDir.find(dataDir, NasBench201.DATA_FILE).stream().toList();
  }

  @Override
  public Evaluator create(Args args, Path dataDir) {
    NasBench201 table = NasBench201.load(dataDir);
    CostModel model = CostModels.of(args.value("cost_model"), "cost_model");
    List<String> objectives = objectives(args);
    return (concrete, ctx) -> {
      Map<String, Double> m = measure(table, model, concrete);
      List<Double> values = objectives.stream().map(m::get).toList();
      return new Metrics(values, m);
    };
  }

  /** Every metric of {@link #METRICS} for one design. */
  public static Map<String, Double> measure(NasBench201 table, CostModel model, Value concrete) {
    Node[] p = parts(concrete);
    Network net = Nb201Macro.of(p[0]);
    Map<String, Double> hw = model.costs(net, p[1]);
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("accuracy", table.accuracy(p[0]));
    m.put("latency_ms", hw.get("latency_ms"));
    m.put("energy_uj", hw.get("energy_uj"));
    m.put("area_mm2", hw.get("area_mm2"));
    m.put("macs_m", net.macs() / 1e6);
    m.put("weights_m", net.weights() / 1e6);
    return m;
  }
}
