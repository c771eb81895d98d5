package org.gyrus.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gyrus.core.NodeType;
import org.gyrus.core.plugin.Component;
import org.gyrus.core.plugin.Registry;
import org.gyrus.logic.datalog.provenance.Semirings;
import org.gyrus.nesy.kb.RuleLearnerFactory;
import org.gyrus.nn.blocks.BlockType;
import org.gyrus.nn.blocks.BlockTypes;
import org.gyrus.nn.train.Recipe;
import org.gyrus.search.Evaluators;
import org.gyrus.search.Experiment;
import org.gyrus.search.Pruner;
import org.gyrus.search.algo.Algorithms;

/**
 * Every node type a user can name, by kind, read from the registries (and the two configuration
 * types, experiment and recipe): what {@code gyrus types} lists and {@code gyrus explain} shows.
 */
final class Catalog {
  private Catalog() {}

  /** Kind (plural, for headings) to its node types, in a fixed order. */
  static Map<String, List<NodeType>> all() {
    Map<String, List<NodeType>> out = new LinkedHashMap<>();
    out.put("experiment files", List.of(Experiment.TYPE, Recipe.TYPE));
    out.put("algorithms", types(Algorithms.registry()));
    out.put("pruners", types(Pruner.registry()));
    out.put("evaluators", types(Evaluators.registry()));
    List<NodeType> blocks = new ArrayList<>();
    for (BlockType t : BlockTypes.standard().all().values()) {
      blocks.add(t.type());
    }
    blocks.sort(java.util.Comparator.comparing(NodeType::name));
    out.put("block types", blocks);
    out.put("semirings", types(Semirings.registry()));
    out.put("cost models", types(org.gyrus.nas.CostModels.registry()));
    out.put("training-free proxies", types(org.gyrus.nas.proxy.Proxies.registry()));
    out.put("morphisms", types(org.gyrus.nas.grow.Morphisms.registry()));
    out.put("one-shot methods", types(org.gyrus.nas.oneshot.OneShotMethods.registry()));
    out.put("knowledge-graph rule learners", types(RuleLearnerFactory.registry()));
    out.put(
        "CLUTRR relational learners", types(org.gyrus.nesy.clutrr.StoryLearnerFactory.registry()));
    out.put("sequence learners", types(org.gyrus.nesy.nsr.SeqLearner.Factory.registry()));
    out.put("program learners (ILP)", types(org.gyrus.logic.ilp.RuleLearnerFactory.registry()));
    out.put("planners", types(org.gyrus.logic.plan.Planners.registry()));
    return out;
  }

  private static List<NodeType> types(Registry<? extends Component> r) {
    return r.all().stream().map(Component::type).toList();
  }
}
