// The CI test N = 100 run (MnistAdditionTrainingTest.hundredDigitSumsTeachTheDigits) outside JUnit,
// optionally with the training labels shuffled (the "broken" check in scale_notes.md):
//   java -Dai.djl.pytorch.num_threads=1 -cp "gyrus-app/target/gyrus-app-0.1.0-SNAPSHOT.jar:gyrus-app/target/lib/*" \
//     bench/mnist_addition/CiCheck.java SEED EPOCHS [shuffle]   (scale_notes: 2 3, 1 3, 2 3 shuffle)
import org.gyrus.nesy.*;
import org.gyrus.nn.data.Dataset;
import java.nio.file.Path;
public class CiCheck {
  public static void main(String[] a) throws Exception {
    Path dir = AdditionData.mnistDir(Path.of(System.getenv().getOrDefault("GYRUS_DATA", "../shared/data")));
    Dataset train = AdditionData.mnist(dir, "train");
    if (a.length > 2 && a[2].equals("shuffle")) {
      int[] y = train.y().clone();
      java.util.Random r = new java.util.Random(1);
      for (int i = y.length - 1; i > 0; i--) { int j = r.nextInt(i + 1); int t = y[i]; y[i] = y[j]; y[j] = t; }
      train = new Dataset("shuffled", train.x(), y, train.exampleShape(), 10);
    }
    Dataset test = AdditionData.mnist(dir, "t10k").head(2000);
    long t0 = System.nanoTime();
    MnistAddition.Result r = MnistAddition.run(new MnistAddition.Config(100, Integer.parseInt(a[1]), Long.parseLong(a[0]), 2, 2e-3f, "carry", 0, 0, null, "constant", 2), train, test, System.err);
    System.err.println(r);
  }
}
