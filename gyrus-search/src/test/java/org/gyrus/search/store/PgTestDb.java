package org.gyrus.search.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/**
 * Fresh PostgreSQL databases for a test, on the server {@code GYRUS_PG_URL} names ({@code
 * .ci/postgres} starts one); the test is skipped when it is unset. Close drops them.
 */
final class PgTestDb implements AutoCloseable {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private final String admin;
  private final List<String> created = new ArrayList<>();

  PgTestDb() {
    String url = System.getenv("GYRUS_PG_URL");
    Assumptions.assumeTrue(
        url != null && !url.isBlank(),
        "GYRUS_PG_URL not set: skipping the PostgreSQL store tests (.ci/postgres starts a server)");
    this.admin = url;
  }

  private Connection connect() throws Exception {
    java.net.URI u = new java.net.URI(admin);
    Properties p = new Properties();
    if (u.getUserInfo() != null) {
      p.setProperty("user", u.getUserInfo().split(":")[0]);
    }
    return DriverManager.getConnection(
        "jdbc:postgresql://" + u.getHost() + ":" + u.getPort() + u.getPath(), p);
  }

  /** A new empty database; its store URL. */
  String fresh() throws Exception {
    String name = "gyrus_c" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name);
      s.execute("CREATE DATABASE " + name);
    }
    created.add(name);
    return admin.substring(0, admin.lastIndexOf('/') + 1) + name;
  }

  @Override
  public void close() throws Exception {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      for (String name : created) {
        s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      }
    }
  }
}
