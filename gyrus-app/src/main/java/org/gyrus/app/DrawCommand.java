package org.gyrus.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.gyrus.app.draw.Diagrams;
import org.gyrus.app.draw.ShapeAnnotator;
import org.gyrus.app.draw.ShapeInference;
import org.gyrus.core.Space;
import org.gyrus.core.SpecCodec;
import org.gyrus.core.Value;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gyrus draw SPEC.yaml -o model.svg}: a spec as a neural circuit diagram. */
@Command(
    name = "draw",
    mixinStandardHelpOptions = true,
    description = {
      "Draw a spec (a model, a cell, or an experiment's space) as an SVG or PNG diagram.",
      "Open decisions are drawn as dashed choice boxes unless --sample picks a point."
    })
final class DrawCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "SPEC", description = "Spec file (YAML or JSON).")
  Path specFile;

  @Option(
      names = {"-o", "--output"},
      required = true,
      description = "Output file; .png writes an image, anything else SVG.")
  Path output;

  @Option(names = "--sample", description = "Draw a random point of the space, from this seed.")
  Long sample;

  @Override
  public Integer call() throws IOException {
    Value spec = SpecCodec.read(specFile);
    if (spec instanceof Value.Node n && n.type().equals("experiment") && n.arg("space") != null) {
      spec = n.arg("space");
    }
    if (sample != null) {
      Space space = new Space(spec);
      spec = space.materialise(space.sample(new SplittableRandom(sample)));
    }
    ShapeAnnotator labels = ShapeInference.discover().annotateOrNone(spec);
    Path parent = output.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    if (output.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
      ImageIO.write(Diagrams.image(spec, labels), "png", output.toFile());
    } else {
      Files.writeString(
          output,
          Diagrams.svg(spec, labels, specFile.getFileName().toString()),
          StandardCharsets.UTF_8);
    }
    System.err.println("wrote " + output);
    return 0;
  }
}
