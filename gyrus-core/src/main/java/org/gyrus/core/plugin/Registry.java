package org.gyrus.core.plugin;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.gyrus.core.Args;
import org.gyrus.core.SpecError;
import org.gyrus.core.Suggest;
import org.gyrus.core.Value;
import org.gyrus.core.Values;

/**
 * The components of one kind, by name: the single seam every algorithm, pruner, evaluator, block
 * type and semiring goes through. {@link #of} finds them with {@link ServiceLoader} on the thread's
 * context class loader, so a jar on the class path (or given with {@code --plugin}) adds one
 * without a line of Gyrus changing. Every list of names a user sees comes from here.
 */
public final class Registry<T extends Component> {
  private static final Map<Key, Registry<?>> LOADED = new ConcurrentHashMap<>();

  private final String kind;
  private final Map<String, T> byName;

  private Registry(String kind, Map<String, T> byName) {
    this.kind = kind;
    this.byName = Collections.unmodifiableMap(byName);
  }

  private record Key(Class<?> service, ClassLoader loader) {}

  /**
   * The components of {@code service} visible to the current thread's class loader; {@code kind}
   * names the kind in messages ("algorithm"). Loaded once per class loader.
   */
  @SuppressWarnings("unchecked")
  public static <T extends Component> Registry<T> of(Class<T> service, String kind) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = service.getClassLoader();
    }
    ClassLoader l = loader;
    return (Registry<T>)
        LOADED.computeIfAbsent(new Key(service, loader), k -> load(service, kind, l));
  }

  /** A registry of exactly these components (tests, and libraries that build their own). */
  public static <T extends Component> Registry<T> of(String kind, Collection<? extends T> items) {
    Map<String, T> m = new TreeMap<>();
    for (T t : items) {
      T clash = m.put(t.name(), t);
      if (clash != null) {
        throw new IllegalStateException(
            kind
                + " '"
                + t.name()
                + "' is registered twice: "
                + clash.getClass().getName()
                + " and "
                + t.getClass().getName());
      }
    }
    return new Registry<>(kind, m);
  }

  private static <T extends Component> Registry<T> load(
      Class<T> service, String kind, ClassLoader loader) {
    List<T> found = new ArrayList<>();
    try {
      for (T t : ServiceLoader.load(service, loader)) {
        found.add(t);
      }
    } catch (ServiceConfigurationError e) {
      throw new IllegalStateException(
          "a " + kind + " plug-in could not be loaded: " + e.getMessage(), e);
    }
    return of(kind, found);
  }

  /** A new registry with these components added (they win on a clash of names). */
  @SafeVarargs
  public final Registry<T> with(T... more) {
    Map<String, T> m = new TreeMap<>(byName);
    for (T t : more) {
      m.put(t.name(), t);
    }
    return new Registry<>(kind, m);
  }

  /** Names in sorted order: the list help texts and errors show. */
  public List<String> names() {
    return List.copyOf(byName.keySet());
  }

  public Collection<T> all() {
    return byName.values();
  }

  /** The component named {@code name}; unknown names fail with the path, the list and a guess. */
  public T get(String name, String path) {
    T t = byName.get(name);
    if (t == null) {
      throw new SpecError(
          path,
          ("one of " + names() + " " + Suggest.closest(name, byName.keySet())).trim(),
          "'" + name + "'");
    }
    return t;
  }

  /**
   * A spec that names a component ({@code tpe} or {@code {_type: tpe, ...}}) checked against its
   * declared arguments; the result reads arguments with their declared defaults.
   */
  public Resolved<T> resolve(Value spec, String path) {
    Value.Node node = Values.nodeOrName(spec, path, "a " + kind);
    T t = get(node.type(), path);
    return new Resolved<>(t, t.type().check(node, path));
  }

  /** A component and the checked arguments of the spec that named it. */
  public record Resolved<T>(T component, Args args) {}
}
