package org.gyrus.core;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.gyrus.core.ArgSpec.Kind;
import org.junit.jupiter.api.Test;

class TypeRegistryTest {
  private final TypeRegistry types =
      TypeRegistry.of(
          List.of(
              NodeType.of("model", "a stack", ArgSpec.required("layers", Kind.LIST)),
              NodeType.of(
                  "dense",
                  "fully connected",
                  ArgSpec.required("units", Kind.INT).min(1),
                  ArgSpec.optional("activation", Kind.STR).oneOf("relu", "tanh"))));

  @Test
  void validSpecAndSpacePass() {
    Value space =
        Value.Node.of(
            "model",
            "layers",
            Values.repeat(
                Value.Node.of("dense", "units", Values.intRange(8, 64)), Values.intRange(1, 3)));
    assertThatCode(() -> types.validate(space, "model")).doesNotThrowAnyException();
  }

  @Test
  void errorsNameThePathAndWhatWasExpected() {
    Value bad =
        Value.Node.of(
            "model",
            "layers",
            List.of(Value.Node.of("dense", "units", 8), Value.Node.of("dense", "units", "8")));
    assertThatThrownBy(() -> types.validate(bad, "model"))
        .isInstanceOf(SpecError.class)
        .hasMessage("model.layers[1].units: expected an integer, got the string '8'");
    assertThatThrownBy(
            () ->
                types.validate(
                    Value.Node.of("model", "layers", List.of(Value.Node.of("dens", "units", 8))),
                    "model"))
        .hasMessage(
            "model.layers[0]: expected a known node type (did you mean 'dense'?), got 'dens'");
    assertThatThrownBy(
            () ->
                types.validate(
                    Value.Node.of("model", "layers", List.of(Value.Node.of("dense"))), "model"))
        .hasMessage("model.layers[0].units: dense requires 'units' (an integer)");
    assertThatThrownBy(
            () ->
                types.validate(
                    Value.Node.of("model", "layers", List.of(Value.Node.of("dense", "units", 0))),
                    "model"))
        .hasMessage("model.layers[0].units: expected a value in [1, inf], got 0");
    assertThatThrownBy(
            () ->
                types.validate(
                    Value.Node.of(
                        "model",
                        "layers",
                        List.of(Value.Node.of("dense", "units", 4, "activation", "gelu"))),
                    "model"))
        .hasMessage(
            "model.layers[0].activation: expected one of [relu, tanh] (did you mean 'relu'?), got 'gelu'");
    assertThatThrownBy(
            () ->
                types.validate(
                    Value.Node.of(
                        "model",
                        "layers",
                        List.of(Value.Node.of("dense", "units", Values.floatRange(1, 2, false)))),
                    "model"))
        .hasMessage("model.layers[0].units: expected an integer, got a floatRange");
  }
}
