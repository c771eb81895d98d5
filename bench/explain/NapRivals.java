import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gyrus.nn.data.DataSplits;
import org.gyrus.nn.data.Datasets;
import org.gyrus.nn.explain.CrownVerifier;
import org.gyrus.nn.explain.MlpTraining;
import org.gyrus.nn.explain.Nap;
import org.gyrus.nn.explain.NapMiner;
import org.gyrus.nn.explain.ReluMlp;
import org.gyrus.nn.explain.Verdict;

/**
 * Issue 22: one NAP spec with a longer budget than run.sh gives — per class, the crown solver with
 * chosen β-CROWN ascent steps (intermediate, per rival) and time, printing every rival's verdict
 * and lower bound of y_c - y_j. Usage (after bench/explain/run.sh built the classes):
 * java -cp "gyrus-nn/target/classes:gyrus-core/target/classes:$(cat gyrus-nn/target/bench-cp.txt)"
 * bench/explain/NapRivals.java NET.bin mnist DELTA CLASSES TIMEOUT_MS INTERMEDIATE_STEPS FINAL_STEPS
 * [LAYER_STEPS FINAL_BETA_RATE FINAL_DECAY] (crown-deep: 30 1500 6000 0.5 0.998)
 */
public class NapRivals {
  public static void main(String[] a) throws Exception {
    ReluMlp net = ReluMlp.read(Path.of(a[0]));
    String data = System.getenv().getOrDefault("GYRUS_DATA", "../shared/data");
    DataSplits s = Datasets.idx(Path.of(data), a[1], 1 / 12.0, 0); // analyse naps's split
    double[][] x = MlpTraining.rows(s.train());
    List<Integer> all = new ArrayList<>();
    for (int l = 0; l < net.hiddenLayers(); l++) {
      all.add(l);
    }
    Nap[] naps = NapMiner.mine(net, all, Double.parseDouble(a[2]), x, s.train().y());
    for (String cs : a[3].split(",")) {
      int c = Integer.parseInt(cs);
      CrownVerifier.Options o =
          a.length > 7
              ? new CrownVerifier.Options(
                  Integer.parseInt(a[5]),
                  Integer.parseInt(a[6]),
                  true,
                  Integer.parseInt(a[7]),
                  Double.parseDouble(a[8]),
                  Double.parseDouble(a[9]))
              : new CrownVerifier.Options(Integer.parseInt(a[5]), Integer.parseInt(a[6]), true);
      Verdict v = new CrownVerifier(net, Long.parseLong(a[4]), o).verify(naps[c], c);
      System.out.printf(
          "class %d %s %.1fs rivals %s bounds %s%n",
          c, v.status(), v.seconds(), Arrays.toString(v.rivals()), Arrays.toString(v.margins()));
    }
  }
}
