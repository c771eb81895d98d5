package org.gyrus.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Query strings: the good ones decode, every malformed or oversized one is a 400/414. */
class QueryTest {
  private static final Set<String> NAMES = Set.of("name", "number");

  @Test
  void decodesPercentAndPlus() {
    Query q = Query.parse("name=a%20b+c%3Cd%3E&number=12", NAMES);
    assertThat(q.get("name")).isEqualTo("a b c<d>");
    assertThat(q.requireInt("number")).isEqualTo(12);
    assertThat(Query.parse("name=%C3%A9t%C3%A9", NAMES).get("name")).isEqualTo("été");
  }

  @Test
  void rejectsMalformedAndOversized() {
    String[] bad = {
      "name=%zz",
      "name=%4",
      "name=a&name=b",
      "other=1",
      "name",
      "=x",
      "name=%00",
      "name=%0a",
      "name=%C3%28",
      "name=" + "x".repeat(Query.MAX_VALUE + 1),
      "name=1&number=2&a=1&b=2&c=3&d=4&e=5&f=6&g=7",
    };
    for (String raw : bad) {
      assertThatThrownBy(() -> Query.parse(raw, NAMES))
          .as(raw)
          .isInstanceOf(HttpError.class)
          .satisfies(e -> assertThat(((HttpError) e).status()).isEqualTo(400));
    }
    assertThatThrownBy(() -> Query.parse("name=" + "x".repeat(3000), NAMES))
        .satisfies(e -> assertThat(((HttpError) e).status()).isEqualTo(414));
    assertThatThrownBy(() -> Query.parse("number=-1", NAMES).requireInt("number"))
        .isInstanceOf(HttpError.class);
    assertThatThrownBy(() -> Query.parse("number=99999999999", NAMES).requireInt("number"))
        .isInstanceOf(HttpError.class);
  }

  @Test
  void pathsWithTraversalOrEncodingAreRejected() {
    for (String p : new String[] {"/static/../pom.xml", "/a//b", "/static/%2e%2e/x", "/x\\y", ""}) {
      assertThatThrownBy(() -> DashboardServer.checkPath(p)).as(p).isInstanceOf(HttpError.class);
    }
    DashboardServer.checkPath("/static/dashboard.js");
  }

  @Test
  void htmlEscapesEveryMetacharacter() {
    assertThat(Html.esc("<a href=\"x\" onclick='y'>&</a>"))
        .isEqualTo("&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  }

  @Test
  void anyQueryOrPathEitherParsesOrIsRefusedWithAStatus() {
    int inputs = fuzzCount(3000);
    qt().withExamples(inputs)
        .forAll(strings().betweenCodePoints(0x20, 0x7e).ofLengthBetween(0, 300))
        .checkAssert(
            raw -> {
              String q = raw.replace('#', '%').replace('!', '&').replace('~', '=');
              try {
                Query parsed = Query.parse(q, NAMES);
                assertThat(parsed.params().keySet()).isSubsetOf(NAMES);
                parsed.params().values().forEach(v -> assertThat(v).hasSizeLessThan(257));
              } catch (HttpError e) {
                assertThat(e.status()).isIn(400, 414);
              }
              try {
                DashboardServer.checkPath("/" + raw);
                assertThat(raw).doesNotContain("..", "%", "\\", "//");
              } catch (HttpError e) {
                assertThat(e.status()).isEqualTo(400);
              }
            });
    System.out.printf("fuzz http-query+path: %d inputs, 0 escaped%n", 2 * inputs);
  }

  /** Inputs per parser: GYRUS_FUZZ in the bench (bench/fuzz), a short run in ./mvnw verify. */
  static int fuzzCount(int inCi) {
    String v = System.getenv("GYRUS_FUZZ");
    return v == null || v.isBlank() ? inCi : Integer.parseInt(v.trim());
  }
}
