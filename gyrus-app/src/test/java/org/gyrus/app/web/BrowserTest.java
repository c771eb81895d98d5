package org.gyrus.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in Debian's headless chromium, driven by chromedriver through Selenium, against a
 * real SQLite study. Skipped when /usr/bin/chromium or /usr/bin/chromedriver is missing (install:
 * {@code apt-get install -y chromium chromium-driver}). Screenshots go to target/screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserTest {
  static final Path CHROMIUM = Path.of(System.getProperty("gyrus.chromium", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER =
      Path.of(System.getProperty("gyrus.chromedriver", "/usr/bin/chromedriver"));
  static final Path SHOTS = Path.of("target/screenshots");
  static final int COMPLETE = 12;

  @TempDir static Path dir;
  static Path db;
  static DashboardServer open;
  static DashboardServer guarded;
  static ChromeDriver driver;
  static WebDriverWait wait;

  @BeforeAll
  static void start() throws Exception {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    String why =
        "browser tests skipped: "
            + CHROMIUM
            + " or "
            + CHROMEDRIVER
            + " missing (apt-get install -y chromium chromium-driver)";
    if (!present) {
      System.err.println(why); // surefire shows a class skipped in @BeforeAll as 0 tests run
    }
    Assumptions.assumeTrue(present, why);
    db = dir.resolve("studies.db");
    StudyFixtures.demo(db, COMPLETE);
    StudyFixtures.multi(db);
    open =
        DashboardServer.start(
            "sqlite:" + db, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), null, 100);
    // What `gyrus dashboard --host 0.0.0.0` does: bind every interface, require the token.
    guarded =
        DashboardServer.start(
            "sqlite:" + db, new InetSocketAddress("0.0.0.0", 0), "tok3n-for-test", 100);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1400,1800",
        "--user-data-dir=" + Files.createTempDirectory(dir, "chromium"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    wait = new WebDriverWait(driver, Duration.ofSeconds(20), Duration.ofMillis(100));
    Files.createDirectories(SHOTS);
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (open != null) {
      open.close();
    }
    if (guarded != null) {
      guarded.close();
    }
  }

  static String url(DashboardServer s, String path) {
    return "http://127.0.0.1:" + s.port() + path;
  }

  static List<WebElement> rows() {
    return driver.findElements(By.cssSelector("#trials tbody tr"));
  }

  static Object js(String script) {
    return ((JavascriptExecutor) driver).executeScript(script);
  }

  @Test
  @Order(1)
  void tableShowsEveryTrialAndTheHistoryChartRenders() throws Exception {
    driver.get(url(open, "/study?name=demo"));
    wait.until(d -> rows().size() == COMPLETE + 2);
    assertThat(driver.findElement(By.id("row-count")).getText()).startsWith("14 of 14");
    wait.until(
        d -> "1".equals(d.findElement(By.id("chart-history")).getAttribute("data-rendered")));
    assertThat(driver.findElements(By.cssSelector("#chart-history canvas"))).isNotEmpty();
    Object points =
        js(
            "return echarts.getInstanceByDom(document.getElementById('chart-history'))"
                + ".getOption().series[0].data.length");
    assertThat(((Number) points).intValue()).isEqualTo(COMPLETE);
    wait.until(
        d -> "1".equals(d.findElement(By.id("chart-parallel")).getAttribute("data-rendered")));
    wait.until(d -> "live".equals(d.findElement(By.id("live")).getText()));
    Files.write(SHOTS.resolve("study-page.png"), driver.getScreenshotAs(OutputType.BYTES));
  }

  @Test
  @Order(2)
  void sortingByValueOrdersTheRowsBothWays() {
    driver.get(url(open, "/study?name=demo"));
    wait.until(d -> rows().size() == COMPLETE + 2);
    driver.findElement(By.cssSelector("#trials th[data-key='v0']")).click();
    List<Double> asc = values();
    assertThat(asc).hasSize(COMPLETE).isSorted();
    driver.findElement(By.cssSelector("#trials th[data-key='v0']")).click();
    List<Double> desc = values();
    assertThat(desc).hasSize(COMPLETE);
    assertThat(desc.get(0)).isEqualTo(asc.get(asc.size() - 1));
    assertThat(desc).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    driver.findElement(By.id("filter")).sendKeys("PRUNED");
    wait.until(d -> rows().size() == 1);
  }

  /** The value column (third) of the rows that have one, in table order. */
  private static List<Double> values() {
    return rows().stream()
        .map(r -> r.findElements(By.tagName("td")).get(2).getText())
        .filter(s -> !s.isEmpty())
        .map(Double::parseDouble)
        .toList();
  }

  @Test
  @Order(3)
  void aNewTrialAppearsWithoutReload() {
    driver.get(url(open, "/study?name=demo"));
    wait.until(d -> rows().size() == COMPLETE + 2);
    wait.until(d -> "live".equals(d.findElement(By.id("live")).getText()));
    js("window.__sameDocument = 42;");
    StudyFixtures.addTrial(db, 0.123);
    wait.until(d -> rows().size() == COMPLETE + 3);
    assertThat(js("return window.__sameDocument")).isEqualTo(42L);
    assertThat(driver.findElement(By.id("trials")).getText()).contains("0.1230");
  }

  @Test
  @Order(3)
  void aRunningSearchFillsTheOpenPage() throws Exception {
    Path cfg = dir.resolve("live.yaml");
    Files.writeString(
        cfg,
        Files.readString(Path.of("../examples/nb201-tpe.yaml"))
            .replace("evaluator: {_type: nb201}", "evaluator: {_type: nb201, delay_ms: 400}")
            .replace("study: nb201-tpe", "study: live"));
    String storage = "sqlite:" + db;
    assertThat(
            org.gyrus.app.Main.run("search", cfg.toString(), "--storage", storage, "--trials", "2"))
        .isZero();
    driver.get(url(open, "/study?name=live"));
    wait.until(d -> rows().size() == 2);
    wait.until(d -> "live".equals(d.findElement(By.id("live")).getText()));
    js("window.__sameDocument = 7;");
    Thread search =
        new Thread(
            () ->
                org.gyrus.app.Main.run(
                    "search", cfg.toString(), "--storage", storage, "--trials", "8"));
    search.start();
    wait.until(d -> rows().size() > 2 && rows().size() < 8); // mid-search
    wait.until(
        d ->
            rows().size() == 8
                && !driver.findElement(By.id("trials")).getText().contains("RUNNING"));
    search.join(20_000);
    assertThat(js("return window.__sameDocument")).isEqualTo(7L);
  }

  @Test
  @Order(4)
  void markupInNamesParamsAndErrorsStaysText() {
    driver.get(url(open, "/study?name=demo"));
    wait.until(d -> rows().size() >= COMPLETE + 2);
    driver.findElement(By.id("filter")).sendKeys("<script>");
    wait.until(d -> !rows().isEmpty());
    assertThat(rows().get(0).getText()).contains(StudyFixtures.XSS_LABEL);
    assertThat(js("return window.__xss === undefined")).isEqualTo(true);
    driver.findElement(By.cssSelector("#state-filter option[value='FAIL']")).click();
    driver.findElement(By.id("filter")).sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    wait.until(d -> rows().size() == 1);
    WebElement failed = driver.findElement(By.cssSelector("#trials tbody tr.state-FAIL td a"));
    failed.click();
    wait.until(d -> !d.findElements(By.id("error")).isEmpty());
    assertThat(driver.findElement(By.id("error")).getText()).isEqualTo(StudyFixtures.XSS_ERROR);
    assertThat(driver.findElements(By.cssSelector("main img"))).isEmpty();
    assertThat(js("return window.__xss === undefined")).isEqualTo(true);
    driver.get(url(open, "/"));
    assertThat(driver.findElement(By.id("studies")).getText()).contains(StudyFixtures.XSS_STUDY);
    assertThat(driver.findElements(By.cssSelector("#studies b"))).isEmpty();
  }

  @Test
  @Order(5)
  void trialPageShowsTheArchitectureDiagram() throws Exception {
    driver.get(url(open, "/trial?study=demo&number=0"));
    WebElement svg = driver.findElement(By.cssSelector("#diagram svg"));
    assertThat(svg.getSize().getHeight()).isGreaterThan(200);
    assertThat(driver.findElement(By.id("diagram")).getText()).contains("dense", "×2", "output");
    Files.write(SHOTS.resolve("diagram.png"), svg.getScreenshotAs(OutputType.BYTES));
    Files.write(SHOTS.resolve("trial-page.png"), driver.getScreenshotAs(OutputType.BYTES));
    driver.get(url(open, "/trial?study=live&number=0"));
    WebElement cell = driver.findElement(By.cssSelector("#diagram svg"));
    assertThat(driver.findElement(By.id("diagram")).getText()).contains("0", "1", "2", "3");
    Files.write(SHOTS.resolve("diagram-nb201.png"), cell.getScreenshotAs(OutputType.BYTES));
  }

  @Test
  @Order(5)
  void multiObjectiveStudiesShowTheParetoFront() {
    driver.get(url(open, "/"));
    driver.findElement(By.linkText(StudyFixtures.XSS_STUDY)).click();
    wait.until(d -> rows().size() == 8);
    wait.until(d -> "1".equals(d.findElement(By.id("chart-pareto")).getAttribute("data-rendered")));
    assertThat(driver.findElement(By.id("pareto-section")).isDisplayed()).isTrue();
    Object front =
        js(
            "return echarts.getInstanceByDom(document.getElementById('chart-pareto'))"
                + ".getOption().series[1].data.length");
    assertThat(((Number) front).intValue()).isBetween(1, 8);
    assertThat(driver.findElement(By.id("study-name")).getText())
        .isEqualTo(StudyFixtures.XSS_STUDY);
  }

  @Test
  @Order(6)
  void boundBeyondLoopbackEveryRequestNeedsTheToken() {
    driver.get(url(guarded, "/"));
    assertThat(driver.getPageSource()).contains("401").contains("Access token required");
    assertThat(driver.findElements(By.id("studies"))).isEmpty();
    driver.get(url(guarded, "/?token=wrong"));
    assertThat(driver.getPageSource()).contains("Access token required");
    driver.get(url(guarded, "/?token=tok3n-for-test"));
    assertThat(driver.findElement(By.id("studies")).getText()).contains("demo");
    // The cookie set by that request carries the token for links, fetches and the event stream.
    driver.get(url(guarded, "/study?name=demo"));
    wait.until(d -> rows().size() >= COMPLETE + 2);
    wait.until(d -> "live".equals(d.findElement(By.id("live")).getText()));
  }
}
