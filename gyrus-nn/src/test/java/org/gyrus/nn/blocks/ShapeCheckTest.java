package org.gyrus.nn.blocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.SpecError;
import org.gyrus.core.Value;
import org.junit.jupiter.api.Test;

class ShapeCheckTest {
  static Value yaml(String s) {
    return SpecCodec.fromYaml(s);
  }

  @Test
  void conv_on_flat_input_names_path_and_both_shapes() {
    Value spec =
        yaml(
            """
            _type: model
            body:
              - {_type: dense, units: 64, activation: relu}
              - {_type: dropout, rate: 0.1}
              - {_type: conv2d, filters: 8, kernel: 3}
            """);
    assertThatThrownBy(() -> CompiledModel.classifier(spec, new Shape(784), 10))
        .isInstanceOf(SpecError.class)
        .hasMessage("model.body[2]: conv2d expects 4 axes (N,C,H,W), got (N,64)");
  }

  @Test
  void residual_shape_change_and_nested_paths_are_reported() {
    Value spec =
        yaml(
            """
            _type: model
            body:
              - _type: residual
                body: [{_type: conv2d, filters: 4, kernel: 3}]
            """);
    assertThatThrownBy(() -> CompiledModel.classifier(spec, new Shape(1, 8, 8), 10))
        .isInstanceOf(SpecError.class)
        .hasMessageContaining("model.body[0]: residual body must keep the shape")
        .hasMessageContaining("(N,1,8,8)")
        .hasMessageContaining("(N,4,6,6)");
    Value cell =
        yaml(
            """
            _type: cell
            channels: 4
            edges: [{_type: edge, from: 0, to: 1, op: nor_conv_5x5}]
            """);
    assertThatThrownBy(() -> CompiledModel.classifier(cell, new Shape(4, 8, 8), 10))
        .hasMessageStartingWith("model.edges[0].op: expected an op");
    assertThatThrownBy(
            () ->
                CompiledModel.classifier(
                    yaml("{_type: conv2d, filters: 2, kernel: 9}"), new Shape(1, 4, 4), 3))
        .hasMessageContaining("does not fit input (N,1,4,4)");
    assertThatThrownBy(
            () -> CompiledModel.classifier(yaml("{_type: densse, units: 3}"), new Shape(4), 3))
        .hasMessageContaining("model: expected one of [attention, avg_pool")
        .hasMessageContaining("(did you mean 'dense'?)");
  }

  /** Parameter counts from the spec equal what DJL allocates; output shapes match a real run. */
  @Test
  void params_and_shapes_from_spec_match_the_built_network() {
    List<String> specs =
        List.of(
            "[{_type: dense, units: 7, activation: gelu}, {_type: layer_norm}, {_type: dense, units: 3, bias: false}]",
            "[{_type: conv2d, filters: 4, kernel: 3, padding: same, activation: relu}, {_type: batch_norm},"
                + " {_type: max_pool}, {_type: conv2d, filters: 6, kernel: 2, stride: 2}, {_type: global_avg_pool}]",
            "{_type: cell, nodes: 4, channels: 2, edges: [{_type: edge, from: 0, to: 1, op: nor_conv_3x3},"
                + " {_type: edge, from: 0, to: 2, op: avg_pool_3x3}, {_type: edge, from: 1, to: 2, op: nor_conv_1x1},"
                + " {_type: edge, from: 0, to: 3, op: skip_connect}, {_type: edge, from: 1, to: 3, op: none},"
                + " {_type: edge, from: 2, to: 3, op: nor_conv_3x3}]}",
            "{_type: parallel, join: concat, branches: [{_type: conv2d, filters: 3, kernel: 1},"
                + " [{_type: avg_pool, kernel: 3, stride: 1, padding: 1}, {_type: silu}]]}");
    List<Shape> inputs =
        List.of(new Shape(5), new Shape(2, 6, 6), new Shape(2, 5, 5), new Shape(2, 5, 5));
    for (int i = 0; i < specs.size(); i++) {
      Value spec = yaml(specs.get(i));
      Analysis a = SpecCompiler.standard().analyse(spec, inputs.get(i), "model");
      try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
        CompiledModel cm =
            new CompiledModel(
                spec,
                SpecCompiler.standard().build(spec, inputs.get(i), "model"),
                inputs.get(i),
                a.output(),
                a.params(),
                a.flops());
        Block b = cm.initialize(m, DataType.FLOAT32);
        long n = 0;
        for (Parameter p : b.getParameters().values()) {
          if (p.requiresGradient()) {
            n += p.getArray().size();
          }
        }
        assertThat(n).as(specs.get(i)).isEqualTo(a.params());
        NDArray out =
            b.forward(
                    new ParameterStore(m, false),
                    new NDList(m.ones(Shapes.withBatch(3, inputs.get(i)))),
                    false)
                .singletonOrThrow();
        assertThat(out.getShape()).as(specs.get(i)).isEqualTo(Shapes.withBatch(3, a.output()));
      }
    }
  }

  @Test
  void cell_conv_bias_gives_every_nor_conv_a_bias_per_channel() {
    String edges =
        "edges: [{_type: edge, from: 0, to: 1, op: nor_conv_3x3}, {_type: edge, from: 0, to: 2,"
            + " op: nor_conv_1x1}, {_type: edge, from: 1, to: 2, op: skip_connect}]}";
    Shape in = new Shape(2, 5, 5);
    Value plain = yaml("{_type: cell, nodes: 3, " + edges);
    Value biased = yaml("{_type: cell, nodes: 3, conv_bias: true, " + edges);
    long p0 = SpecCompiler.standard().analyse(plain, in, "m").params();
    Analysis a = SpecCompiler.standard().analyse(biased, in, "m");
    assertThat(a.params()).isEqualTo(p0 + 2 * 2); // two convs, two channels each
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      Block b = CompiledModel.classifier(biased, in, 0).initialize(m, DataType.FLOAT32);
      long built = 0;
      for (Parameter p : b.getParameters().values()) {
        built += p.requiresGradient() ? p.getArray().size() : 0;
      }
      assertThat(built).isEqualTo(a.params());
    }
  }

  @Test
  void zero_nodes_run_the_out_edges_of_an_input_less_node_on_zeros() {
    // node 1 has only a none edge; its out-edge is sigmoid, which maps zeros to 0.5
    String edges =
        "edges: [{_type: edge, from: 0, to: 1, op: none},"
            + " {_type: edge, from: 1, to: 2, op: {_type: sigmoid}}]}";
    assertThat(cellOutput("{_type: cell, nodes: 3, " + edges)).containsOnly(0f);
    assertThat(cellOutput("{_type: cell, nodes: 3, zero_nodes: true, " + edges)).containsOnly(0.5f);
  }

  private static float[] cellOutput(String cell) {
    Shape in = new Shape(2, 3, 3);
    try (NDManager m = Engine.getEngine("PyTorch").newBaseManager()) {
      Block b = CompiledModel.classifier(yaml(cell), in, 0).initialize(m, DataType.FLOAT32);
      return b.forward(
              new ParameterStore(m, false), new NDList(m.ones(Shapes.withBatch(2, in))), false)
          .singletonOrThrow()
          .toFloatArray();
    }
  }

  @Test
  void flops_of_known_layers() {
    Analysis dense =
        SpecCompiler.standard().analyse(yaml("{_type: dense, units: 256}"), new Shape(784), "m");
    assertThat(dense.flops()).isEqualTo(2L * 784 * 256);
    assertThat(dense.params()).isEqualTo(784L * 256 + 256);
    Analysis conv =
        SpecCompiler.standard()
            .analyse(yaml("{_type: conv2d, filters: 32, kernel: 3}"), new Shape(1, 28, 28), "m");
    assertThat(conv.output()).isEqualTo(new Shape(32, 26, 26));
    assertThat(conv.flops()).isEqualTo(2L * 9 * 32 * 26 * 26);
  }

  @Test
  void classifier_head_is_added_when_needed() {
    CompiledModel cm =
        CompiledModel.classifier(
            yaml("[{_type: conv2d, filters: 2, kernel: 3}]"), new Shape(1, 5, 5), 10);
    assertThat(cm.output()).isEqualTo(new Shape(10));
    assertThat(cm.params()).isEqualTo(2 * 9 + 2 + 18 * 10 + 10);
  }
}
