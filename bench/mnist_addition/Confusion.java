// Throwaway check behind bench/mnist_addition/scale_notes.md: trains an MLP digit network at N from
// sums only and prints the test confusion matrix (rows = true digit). Run from the repo root after
// ./mvnw -o -q -B -pl gyrus-app -am package -DskipTests:
//   java -Dai.djl.pytorch.num_threads=1 -cp "gyrus-app/target/gyrus-app-0.1.0-SNAPSHOT.jar:gyrus-app/target/lib/*" \
//     bench/mnist_addition/Confusion.java EPOCHS TRAIN_IMAGES N LR   (scale_notes: 30 60000 100 3e-3)
import org.gyrus.nesy.*;
import org.gyrus.nn.data.Dataset;
import org.gyrus.core.*;
import java.nio.file.Path;
public class Confusion {
  public static void main(String[] a) throws Exception {
    Path dir = AdditionData.mnistDir(Path.of(System.getenv().getOrDefault("GYRUS_DATA", "../shared/data")));
    Dataset train = AdditionData.mnist(dir, "train").head(Integer.parseInt(a[1]));
    Dataset test = AdditionData.mnist(dir, "t10k").head(2000);
    Value mlp = SpecCodec.fromYaml("{_type: model, body: [{_type: flatten}, {_type: dense, units: 128, activation: relu}]}");
    MnistAddition.Result r = MnistAddition.run(new MnistAddition.Config(Integer.parseInt(a[2]), Integer.parseInt(a[0]), 0, 1, Float.parseFloat(a[3]), "carry", 0, 0, mlp, "constant", 0), train, test, System.err,
      (trainer, nm) -> {
        int[] p = MnistAddition.predictDigits(trainer, test);
        int[][] c = new int[10][10];
        for (int i = 0; i < p.length; i++) c[test.y()[i]][p[i]]++;
        for (int[] row : c) System.err.println(java.util.Arrays.toString(row));
      });
    System.err.println(r);
  }
}
