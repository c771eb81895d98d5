package org.gyrus.nn.blocks;

import static org.gyrus.nn.blocks.Shapes.show;
import static org.gyrus.nn.blocks.Shapes.size;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.ParallelBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.gyrus.core.ArgSpec;
import org.gyrus.core.ArgSpec.Kind;
import org.gyrus.core.NodeType;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value;
import org.gyrus.core.Value.Node;
import org.gyrus.nn.Scalars;

/** Composition: sequential, model, residual (add), parallel (add/mean/concat) and concat. */
final class CompositeTypes {
  private CompositeTypes() {}

  static List<BlockType> all() {
    return List.of(
        new Sequential("sequential", "layers"),
        new Sequential("model", "body"),
        new Residual(),
        new Parallel("parallel", "add"),
        new Parallel("concat", "concat"));
  }

  static Value required(Node node, String arg, String path) {
    Value v = node.arg(arg);
    if (v == null) {
      throw new SpecError(path + "." + arg, "a layer or a list of layers", "nothing");
    }
    return v;
  }

  static final class Sequential implements BlockType {
    private final String name;
    private final String arg;

    Sequential(String name, String arg) {
      this.name = name;
      this.arg = arg;
    }

    @Override
    public NodeType type() {
      return NodeType.of(
          name,
          name.equals("model")
              ? "a network: its body, then a classifier head unless head: none"
              : "layers in sequence",
          name.equals("model")
              ? new ArgSpec[] {
                ArgSpec.required("body", Kind.ANY).doc("a layer or a list of layers"),
                ArgSpec.optional("head", Kind.STR, "auto")
                    .oneOf("auto", "none")
                    .doc("append flatten + dense(classes)")
              }
              : new ArgSpec[] {ArgSpec.required(arg, Kind.ANY).doc("a layer or a list of layers")});
    }

    @Override
    public Analysis analyse(Node node, Shape in, String path, SpecCompiler c) {
      return c.analyse(required(node, arg, path), in, path + "." + arg);
    }

    @Override
    public Block build(Node node, Shape in, String path, SpecCompiler c) {
      return c.build(required(node, arg, path), in, path + "." + arg);
    }
  }

  static final class Residual implements BlockType {
    @Override
    public NodeType type() {
      return NodeType.of(
          "residual",
          "body(x) + x; the body must keep the shape",
          ArgSpec.required("body", Kind.ANY).doc("a layer or a list of layers"));
    }

    @Override
    public Analysis analyse(Node node, Shape in, String path, SpecCompiler c) {
      Analysis body = c.analyse(required(node, "body", path), in, path + ".body");
      if (!body.output().equals(in)) {
        throw new SpecError(
            path,
            "residual body must keep the shape of its input "
                + show(in)
                + ", but gives "
                + show(body.output()));
      }
      return body.plus(0, size(in));
    }

    @Override
    public Block build(Node node, Shape in, String path, SpecCompiler c) {
      Block body = c.build(required(node, "body", path), in, path + ".body");
      return new ParallelBlock(
          outs -> new NDList(outs.get(0).singletonOrThrow().add(outs.get(1).singletonOrThrow())),
          List.of(body, Blocks.identityBlock()));
    }
  }

  /** Branches on the same input, joined by add, mean or concat (along {@code axis}, default 0). */
  static final class Parallel implements BlockType {
    private final String name;
    private final String defaultJoin;

    Parallel(String name, String defaultJoin) {
      this.name = name;
      this.defaultJoin = defaultJoin;
    }

    @Override
    public NodeType type() {
      return NodeType.of(
          name,
          "branches on the same input, joined by add, mean or concat",
          ArgSpec.required("branches", Kind.LIST).doc("the branches (each a layer or a list)"),
          ArgSpec.optional("join", Kind.STR, defaultJoin).oneOf("add", "mean", "concat"),
          ArgSpec.optional("axis", Kind.INT, 0).min(0).doc("concat axis (per example)"));
    }

    private List<Value> branches(Node node, String path) {
      List<Value> b = node.listArg("branches");
      if (b.isEmpty()) {
        throw new SpecError(path + ".branches", "a non-empty list of branches", "nothing");
      }
      return b;
    }

    private String join(Node node, String path) {
      String j = node.strArg("join", defaultJoin);
      if (!List.of("add", "mean", "concat").contains(j)) {
        throw new SpecError(path + ".join", "add, mean or concat", "'" + j + "'");
      }
      return j;
    }

    @Override
    public Analysis analyse(Node node, Shape in, String path, SpecCompiler c) {
      List<Value> branches = branches(node, path);
      String join = join(node, path);
      int axis = (int) node.intArg("axis", 0);
      long params = 0;
      long flops = 0;
      Shape first = null;
      long concatSize = 0;
      for (int i = 0; i < branches.size(); i++) {
        String p = path + ".branches[" + i + "]";
        Analysis a = c.analyse(branches.get(i), in, p);
        params += a.params();
        flops += a.flops();
        Shape o = a.output();
        if (first == null) {
          first = o;
          if (join.equals("concat") && (axis < 0 || axis >= o.dimension())) {
            throw new SpecError(path + ".axis", "an axis below " + o.dimension(), "" + axis);
          }
        } else if (join.equals("concat") ? !sameExcept(first, o, axis) : !first.equals(o)) {
          throw new SpecError(
              p,
              name
                  + " ("
                  + join
                  + ") needs matching branch shapes"
                  + (join.equals("concat") ? " except axis " + axis : "")
                  + ": branches[0] gives "
                  + show(first)
                  + ", this one "
                  + show(o));
        }
        concatSize += join.equals("concat") ? o.get(axis) : 0;
      }
      Shape out = first;
      if (join.equals("concat")) {
        long[] d = first.getShape().clone();
        d[axis] = concatSize;
        out = new Shape(d);
      } else {
        flops += size(first) * (branches.size() - 1L);
      }
      return new Analysis(out, params, flops);
    }

    private static boolean sameExcept(Shape a, Shape b, int axis) {
      if (a.dimension() != b.dimension()) {
        return false;
      }
      for (int i = 0; i < a.dimension(); i++) {
        if (i != axis && a.get(i) != b.get(i)) {
          return false;
        }
      }
      return true;
    }

    @Override
    public Block build(Node node, Shape in, String path, SpecCompiler c) {
      List<Value> branches = branches(node, path);
      List<Block> blocks = new ArrayList<>();
      for (int i = 0; i < branches.size(); i++) {
        blocks.add(c.build(branches.get(i), in, path + ".branches[" + i + "]"));
      }
      String join = join(node, path);
      int axis = (int) node.intArg("axis", 0) + 1;
      Function<List<NDList>, NDList> f =
          outs -> {
            NDList firsts = new NDList();
            for (NDList o : outs) {
              firsts.add(o.singletonOrThrow());
            }
            if (join.equals("concat")) {
              return new NDList(NDArrays.concat(firsts, axis));
            }
            NDArray sum = firsts.get(0);
            for (int i = 1; i < firsts.size(); i++) {
              sum = sum.add(firsts.get(i));
            }
            return new NDList(join.equals("mean") ? Scalars.div(sum, firsts.size()) : sum);
          };
      return new ParallelBlock(f, blocks);
    }
  }
}
