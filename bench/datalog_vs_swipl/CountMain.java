import java.nio.file.Path;
import org.gyrus.logic.datalog.Parser;
import org.gyrus.logic.datalog.engine.Engine;

/** The engine without the CLI around it: prints the number of answers to a query. */
public final class CountMain {
  public static void main(String[] args) {
    long t0 = System.nanoTime();
    Engine engine = new Engine(Parser.parseFile(Path.of(args[0])));
    Engine.Stats stats = engine.run();
    System.out.println(engine.count(Parser.parseQuery(args[1])));
    System.err.printf(
        "evaluate %.3f s; total %.3f s; %d tuples%n",
        stats.millis() / 1e3, (System.nanoTime() - t0) / 1e9, stats.tuples());
  }
}
