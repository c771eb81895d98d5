import java.util.Arrays;
import org.gyrus.nn.swimmer.Episode;
import org.gyrus.nn.swimmer.Ncap;
import org.gyrus.nn.swimmer.Swimmer;

/**
 * Issue 19, row ncap: is evolution strategies or the circuit the limit? Forward speed of the NCAP
 * swimmer (the row's episode: 6 links, gear 0.05, dt 0.01, 4 s) at every point of a grid over its
 * four weights (w_osc, w_prop, w_ipsi, w_contra); prints each new best. Usage (after
 * bench/blocks_dynamics/run.sh has built gyrus-nn):
 * java -cp gyrus-nn/target/classes bench/blocks_dynamics/NcapGrid.java PERIOD V1,V2,...
 */
public class NcapGrid {
  public static void main(String[] a) {
    Episode e = new Episode(new Swimmer(6), 0.05, 0.01, 4.0);
    Ncap n = new Ncap(5, Double.parseDouble(a[0]));
    double[] vals = Arrays.stream(a[1].split(",")).mapToDouble(Double::parseDouble).toArray();
    double best = Double.NEGATIVE_INFINITY;
    for (double o : vals) {
      for (double p : vals) {
        for (double i : vals) {
          for (double c : vals) {
            double[] th = {o, p, i, c};
            double s = e.run(n, th);
            if (s > best) {
              best = s;
              System.out.println(s + " " + Arrays.toString(th));
            }
          }
        }
      }
    }
  }
}
