package org.gyrus.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.gyrus.search.store.TrialStores;
import org.junit.jupiter.api.Test;

/** Storage URLs as shown to people: every form of password replaced by ***. */
class RedactTest {
  @Test
  void passwordsInUserInfoAndParametersAreHidden() {
    String[][] cases = {
      {"postgresql://u:pw@h:5432/db", "postgresql://u:***@h:5432/db"},
      {"postgresql://u:p@ss/w@rd@h/db", "postgresql://u:***@h/db"},
      {"postgresql://u:p%40ss@h/db?ssl=true", "postgresql://u:***@h/db?ssl=true"},
      {"postgresql://u@h/db?password=pw&ssl=1", "postgresql://u@h/db?password=***&ssl=1"},
      {"postgres://h/db?user=u&PASSWORD=pw", "postgres://h/db?user=u&PASSWORD=***"},
      {"postgresql://h/db?sslpassword=k", "postgresql://h/db?sslpassword=***"},
      {"postgresql://u@h/db", "postgresql://u@h/db"},
      {"sqlite:runs/a:b@c.db", "sqlite:runs/a:b@c.db"},
      {"memory", "memory"},
    };
    for (String[] c : cases) {
      assertThat(TrialStores.redact(c[0])).as(c[0]).isEqualTo(c[1]);
    }
  }

  @Test
  void scrubRemovesRawAndDecodedPasswordsFromMessages() {
    String url = "postgresql://u:p%40ss@h/db";
    String msg = "FATAL: password p@ss rejected for " + url + " (raw p%40ss)";
    assertThat(TrialStores.scrub(msg, url))
        .doesNotContain("p@ss")
        .doesNotContain("p%40ss")
        .contains("postgresql://u:***@h/db");
  }
}
