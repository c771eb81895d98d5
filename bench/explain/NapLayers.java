import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gyrus.nn.data.DataSplits;
import org.gyrus.nn.data.Datasets;
import org.gyrus.nn.explain.MlpTraining;
import org.gyrus.nn.explain.Nap;
import org.gyrus.nn.explain.NapMiner;
import org.gyrus.nn.explain.ReluMlp;

/**
 * Issue 22: where a network's NAPs sit. For a cached network (run.sh's --net-cache), the neurons
 * off on every training input, and per class and δ the NAP's fixed neurons per hidden layer as
 * active/inactive — to compare with B17's published NAPs for VNN-COMP mnist-net_256x4, whose last
 * two hidden layers are almost entirely fixed inactive. Usage (after bench/explain/run.sh built the
 * classes and the classpath files):
 * java -cp "gyrus-nn/target/classes:gyrus-core/target/classes:$(cat gyrus-nn/target/bench-cp.txt)"
 * bench/explain/NapLayers.java gyrus-nn/target/explain-nets/mnist.bin mnist 0.99,1.0
 */
public class NapLayers {
  public static void main(String[] a) throws Exception {
    ReluMlp net = ReluMlp.read(Path.of(a[0]));
    String data = System.getenv().getOrDefault("GYRUS_DATA", "../shared/data");
    DataSplits s = Datasets.idx(Path.of(data), a[1], 1 / 12.0, 0); // analyse naps's split
    double[][] x = MlpTraining.rows(s.train());
    int layers = net.hiddenLayers();
    boolean[][] everOn = new boolean[layers][];
    for (int l = 0; l < layers; l++) {
      everOn[l] = new boolean[net.width(l)];
    }
    for (double[] xi : x) {
      double[][] z = net.preActivations(xi);
      for (int l = 0; l < layers; l++) {
        for (int j = 0; j < z[l].length; j++) {
          everOn[l][j] |= z[l][j] > 0;
        }
      }
    }
    StringBuilder dead = new StringBuilder("off on every training input, per hidden layer:");
    List<Integer> all = new ArrayList<>();
    for (int l = 0; l < layers; l++) {
      int n = 0;
      for (boolean on : everOn[l]) {
        n += on ? 0 : 1;
      }
      dead.append(' ').append(n);
      all.add(l);
    }
    System.out.println(dead);
    for (String d : a[2].split(",")) {
      Nap[] naps = NapMiner.mine(net, all, Double.parseDouble(d), x, s.train().y());
      for (int c = 0; c < naps.length; c++) {
        StringBuilder r = new StringBuilder("delta " + d + " class " + c);
        r.append(" size ").append(naps[c].size()).append(", per layer active/inactive:");
        for (int l = 0; l < layers; l++) {
          int on = 0;
          int off = 0;
          for (int v : naps[c].state()[l]) {
            on += v == Nap.ACTIVE ? 1 : 0;
            off += v == Nap.INACTIVE ? 1 : 0;
          }
          r.append(' ').append(on).append('/').append(off);
        }
        System.out.println(r);
      }
    }
  }
}
