package org.gyrus.nas.grow;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.gyrus.core.Value;
import org.gyrus.core.Value.Node;
import org.gyrus.nn.blocks.CompiledModel;
import org.gyrus.nn.blocks.SpecCompiler;
import org.gyrus.nn.data.DataSplits;
import org.gyrus.nn.train.Recipe;
import org.gyrus.nn.train.TrainResult;
import org.gyrus.nn.train.Trainer;

/**
 * Moves a {@link Net}'s weights in and out of the DJL block that gyrus-nn compiles from its spec.
 * The block tree mirrors the spec (a list is a sequential block, residual and parallel nodes are
 * parallel blocks over their bodies), so walking both together names every parameter by spec path.
 */
public final class NetIo {
  private NetIo() {}

  public static CompiledModel compile(Value spec, Shape input, int classes) {
    return CompiledModel.classifier(spec, input, classes);
  }

  /** Calls {@code leaf} with the spec path and block of every layer that holds parameters. */
  public static void walk(CompiledModel model, int classes, BiConsumer<String, Block> leaf) {
    Value spec = model.spec();
    Shape bodyOut = SpecCompiler.standard().analyse(spec, model.input(), "model").output();
    List<Value> head = CompiledModel.head(spec, bodyOut, classes);
    if (head.isEmpty()) {
      walk(spec, model.block(), "model", leaf);
    } else {
      List<Block> parts = children(model.block());
      walk(spec, parts.get(0), "model", leaf);
      walk(new Value.ListVal(head), parts.get(1), "model.head", leaf);
    }
  }

  private static void walk(Value spec, Block block, String path, BiConsumer<String, Block> leaf) {
    if (spec instanceof Value.ListVal list) {
      List<Block> kids = children(block);
      for (int i = 0; i < list.items().size(); i++) {
        walk(list.items().get(i), kids.get(i), path + "[" + i + "]", leaf);
      }
      return;
    }
    Node n = (Node) spec;
    switch (n.type()) {
      case "model", "sequential" -> {
        String arg = n.type().equals("model") ? "body" : "layers";
        walk(n.arg(arg), block, path + "." + arg, leaf);
      }
      case "residual" -> walk(n.arg("body"), children(block).get(0), path + ".body", leaf);
      case "routed" -> {
        List<Value> bricks = n.listArg("bricks");
        List<Block> kids = children(block);
        leaf.accept(path + ".router", kids.get(0));
        for (int i = 0; i < bricks.size(); i++) {
          walk(bricks.get(i), kids.get(i + 1), path + ".bricks[" + i + "]", leaf);
        }
      }
      case "parallel", "concat" -> {
        List<Value> branches = n.listArg("branches");
        List<Block> kids = children(block);
        for (int i = 0; i < branches.size(); i++) {
          walk(branches.get(i), kids.get(i), path + ".branches[" + i + "]", leaf);
        }
      }
      default -> {
        if (!block.getParameters().isEmpty()) {
          leaf.accept(path, block);
        }
      }
    }
  }

  private static List<Block> children(Block b) {
    List<Block> kids = new ArrayList<>();
    for (Pair<String, Block> p : b.getChildren()) {
      kids.add(p.getValue());
    }
    return kids;
  }

  /** A layer's parameters by simple name, or by DJL's full name where simple names repeat. */
  static Map<String, Parameter> parameters(Block layer) {
    Map<String, Integer> seen = new HashMap<>();
    for (Pair<String, Parameter> p : layer.getParameters()) {
      seen.merge(p.getValue().getName(), 1, Integer::sum);
    }
    Map<String, Parameter> out = new LinkedHashMap<>();
    for (Pair<String, Parameter> p : layer.getParameters()) {
      String simple = p.getValue().getName();
      out.put(seen.get(simple) == 1 ? simple : p.getKey(), p.getValue());
    }
    return out;
  }

  /** The weights of an initialised block compiled from {@code model}. */
  public static Net extract(CompiledModel model, int classes) {
    Map<String, Map<String, Tensor>> w = new LinkedHashMap<>();
    walk(
        model,
        classes,
        (path, block) -> {
          Map<String, Tensor> layer = new LinkedHashMap<>();
          parameters(block)
              .forEach(
                  (name, p) -> {
                    NDArray a = p.getArray();
                    double[] d = a.toType(DataType.FLOAT64, false).toDoubleArray();
                    layer.put(name, new Tensor(a.getShape().getShape(), d));
                  });
          w.put(path, layer);
        });
    return new Net(model.spec(), model.input(), classes, w);
  }

  /**
   * Writes {@code net}'s weights into an initialised block compiled from its spec; every layer with
   * parameters must have them in {@code net}, with the block's shapes.
   */
  public static void load(Net net, CompiledModel model, NDManager manager) {
    walk(
        model,
        net.classes(),
        (path, block) -> {
          Map<String, Tensor> layer = net.weights().get(path);
          if (layer == null) {
            throw new IllegalArgumentException("no weights for layer " + path);
          }
          parameters(block)
              .forEach(
                  (name, p) -> {
                    Tensor t = layer.get(name);
                    NDArray a = p.getArray();
                    if (t == null || !Arrays.equals(t.shape(), a.getShape().getShape())) {
                      throw new IllegalArgumentException(
                          path + "." + name + ": the block has " + a.getShape() + ", weights " + t);
                    }
                    NDArray src =
                        manager.create(t.data(), a.getShape()).toType(a.getDataType(), false);
                    a.muli(0).addi(src);
                  });
        });
  }

  /** A net of {@code spec} with the engine's seeded initial weights (Glorot, zero biases). */
  public static Net init(Value spec, Shape input, int classes, int seed) {
    CompiledModel model = compile(spec, input, classes);
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      m.getEngine().setRandomSeed(seed);
      model.initialize(m, DataType.FLOAT32);
      return extract(model, classes);
    }
  }

  /** Logits for {@code batch} examples (row-major), computed in {@code type} in inference mode. */
  public static double[] forward(Net net, double[] x, int batch, DataType type) {
    CompiledModel model = compile(net.spec(), net.input(), net.classes());
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      model.initialize(m, type);
      load(net, model, m);
      long[] dims = new long[net.input().dimension() + 1];
      dims[0] = batch;
      System.arraycopy(net.input().getShape(), 0, dims, 1, dims.length - 1);
      NDArray in = m.create(x, new Shape(dims)).toType(type, false);
      NDArray out =
          model
              .block()
              .forward(new ParameterStore(m, false), new NDList(in), false)
              .singletonOrThrow();
      return out.toType(DataType.FLOAT64, false).toDoubleArray();
    }
  }

  /**
   * Trains {@code net} from its weights; parameters of layers whose path {@code frozen} accepts
   * stay fixed. Returns the trained net (best-validation weights) and the trainer's result.
   */
  public static Trained train(Net net, Recipe recipe, DataSplits data, Predicate<String> frozen) {
    CompiledModel model = compile(net.spec(), net.input(), net.classes());
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      Trainer trainer =
          new Trainer(
              model,
              recipe,
              m,
              block -> {
                load(net, model, m);
                walk(
                    model,
                    net.classes(),
                    (path, layer) -> {
                      if (frozen.test(path)) {
                        layer.getParameters().values().forEach(p -> p.freeze(true));
                      }
                    });
              });
      TrainResult r =
          trainer.fit(data, rep -> true, new org.gyrus.nn.train.ProgressBar("grow", false));
      return new Trained(extract(model, net.classes()), r);
    }
  }

  /** Fraction of {@code data} that {@code net} classifies right (inference mode). */
  public static double accuracy(Net net, org.gyrus.nn.data.Dataset data) {
    CompiledModel model = compile(net.spec(), net.input(), net.classes());
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      Trainer t = new Trainer(model, Recipe.defaults(), m, block -> load(net, model, m));
      return t.accuracy(data);
    }
  }

  /** A trained net and how its training went. */
  public record Trained(Net net, TrainResult result) {}

  /**
   * Every parameter replaced by a seeded draw, so tests see non-trivial batch-norm statistics and
   * biases: weights N(0, 1/fan-in), gamma 1 + N(0, 0.2²), running variances in [0.5, 2), other
   * vectors N(0, 0.3²).
   */
  public static Net randomised(Net net, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    Map<String, Map<String, Tensor>> w = new LinkedHashMap<>();
    net.weights()
        .forEach(
            (path, layer) -> {
              Map<String, Tensor> l = new LinkedHashMap<>();
              layer.forEach(
                  (name, t) -> {
                    double[] d = new double[t.data().length];
                    double sd = t.rank() > 1 ? 1 / Math.sqrt(t.rowSize()) : 0.3;
                    for (int i = 0; i < d.length; i++) {
                      double z = gaussian(rng);
                      d[i] =
                          switch (name) {
                            case "runningVar" -> 0.5 + 1.5 * rng.nextDouble();
                            case "gamma" -> 1 + 0.2 * z;
                            default -> sd * z;
                          };
                    }
                    l.put(name, new Tensor(t.shape(), d));
                  });
              w.put(path, l);
            });
    return net.with(net.spec(), w);
  }

  static double gaussian(SplittableRandom rng) {
    double u = 1 - rng.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
  }
}
