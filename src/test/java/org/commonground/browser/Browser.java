package org.commonground.browser;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person's browser: Debian's chromium, headless, driven through Debian's chromedriver (nothing is
 * downloaded). Every wait is explicit, with a timeout, on something the person would see.
 */
final class Browser implements AutoCloseable {
  /** Held, and quietened: Selenium has no CDP bindings for this chromium's version and warns per browser; we use none. */
  private static final java.util.logging.Logger SELENIUM_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium");

  static {
    SELENIUM_LOG.setLevel(java.util.logging.Level.SEVERE);
  }

  static final String CHROMIUM = System.getenv().getOrDefault("CG_CHROMIUM", "/usr/bin/chromium");
  static final String CHROMEDRIVER = System.getenv().getOrDefault("CG_CHROMEDRIVER", "/usr/bin/chromedriver");
  private static final Duration WAIT = Duration.ofSeconds(20);

  final String name;
  final ChromeDriver driver;
  private int width;

  static boolean available() {
    return Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
  }

  Browser(String name, int width, int height) {
    this.name = name;
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--hide-scrollbars", "--lang=en-GB", "--window-size=" + width + "," + height);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
    this.driver = new ChromeDriver(service, options);
    resize(width, height);
  }

  /** The viewport as a phone or a desktop has it (device metrics, not just the window). */
  void resize(int width, int height) {
    this.width = width;
    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
        "width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
  }

  void go(String url) { driver.get(url); }

  Object js(String script, Object... args) { return ((JavascriptExecutor) driver).executeScript(script, args); }

  WebElement id(String id) { return waitFor(d -> d.findElement(By.id(id))); }

  WebElement css(String css) { return waitFor(d -> d.findElement(By.cssSelector(css))); }

  List<WebElement> all(String css) { return driver.findElements(By.cssSelector(css)); }

  /** Types as a person would: the element gets focus and real key events. */
  void type(String id, String text) {
    WebElement e = visible(By.id(id));
    e.clear();
    e.sendKeys(text);
  }

  void click(String id) { click(By.id(id)); }

  void clickCss(String css) { click(By.cssSelector(css)); }

  void click(By by) {
    waitFor(d -> {
      WebElement e = d.findElement(by);
      if (!e.isDisplayed() || !e.isEnabled()) return null;
      js("arguments[0].scrollIntoView({block: 'center'})", e);
      e.click();
      return true;
    });
  }

  void select(String id, String visibleText) {
    waitFor(d -> {
      new Select(d.findElement(By.id(id))).selectByVisibleText(visibleText);
      return true;
    });
  }

  WebElement visible(By by) {
    return waitFor(d -> {
      WebElement e = d.findElement(by);
      return e.isDisplayed() ? e : null;
    });
  }

  /** Waits until the element's text contains `part`; returns the text. */
  String waitText(String css, String part) {
    return waitFor(d -> {
      for (WebElement e : d.findElements(By.cssSelector(css))) {
        String t = e.getText();
        if (t.contains(part)) return t;
      }
      return null;
    }, () -> "text '" + part + "' in " + css + ", have: " + texts(css));
  }

  /** Waits until a JavaScript expression is truthy. */
  void waitJs(String expression) {
    waitFor(d -> Boolean.TRUE.equals(js("return Boolean(" + expression + ")")) ? true : null,
        () -> "a true " + expression);
  }

  String texts(String css) {
    List<String> out = new ArrayList<>();
    try {
      for (WebElement e : driver.findElements(By.cssSelector(css))) out.add(e.getText());
    } catch (StaleElementReferenceException e) {
      out.add("(changing)");
    }
    return out.toString();
  }

  <T> T waitFor(Function<WebDriver, T> condition) { return waitFor(condition, () -> "condition"); }

  <T> T waitFor(Function<WebDriver, T> condition, java.util.function.Supplier<String> what) {
    try {
      return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class)
          .ignoring(org.openqa.selenium.NoSuchElementException.class).until(condition);
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError(name + ": timed out waiting for " + what.get(), e);
    }
  }

  /** Presses a key where the focus is, as a keyboard user would (Escape, Tab, Enter…). */
  void press(CharSequence key) { driver.switchTo().activeElement().sendKeys(key); }

  /** The id of the element that has the focus now ("" for none). */
  String focusedId() { return String.valueOf(js("return document.activeElement ? document.activeElement.id : ''")); }

  /**
   * Says yes to the page's question {@code kind} (components/confirm.js), as a person would: waits for its
   * dialog, presses its yes button ({@code kind-confirm}), and waits for the dialog to go.
   */
  void answerYes(String kind) {
    waitJs("document.getElementById('" + kind + "-dialog')?.open");
    click(kind + "-confirm");
    waitJs("!document.getElementById('" + kind + "-dialog')?.open");
  }

  /** Joins by a join link as {@code name}, as a new person would, and waits for the workshop's first part. */
  void join(String joinUrl, String name) {
    go(joinUrl);
    type("join-name", name);
    click("join-submit");
    waitText(".phase-name", "Part 1 of 3");
  }

  /** A full-page PNG at the current width, for docs/screenshots. */
  void screenshot(Path file) {
    Number height = (Number) js("return Math.min(document.documentElement.scrollHeight, 4000)");
    Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
        "format", "png", "captureBeyondViewport", true,
        "clip", Map.of("x", 0, "y", 0, "width", width, "height", height.intValue(), "scale", 1)));
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What is on the screen now (the viewport only): for a dialog, which sits over the page where one looks. */
  void screenshotViewport(Path file) {
    Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One element, whole, wherever it is on the page (scrolled there first). */
  void screenshotElement(String css, Path file) {
    @SuppressWarnings("unchecked")
    Map<String, Object> r = (Map<String, Object>) js("const e = document.querySelector(arguments[0]);"
        + "e.scrollIntoView({block: 'start'}); const b = e.getBoundingClientRect();"
        + "return {x: b.left + window.scrollX, y: b.top + window.scrollY, width: b.width, height: b.height};", css);
    Map<String, Object> clip = Map.of("x", ((Number) r.get("x")).doubleValue(), "y", ((Number) r.get("y")).doubleValue(),
        "width", ((Number) r.get("width")).doubleValue(), "height", ((Number) r.get("height")).doubleValue(), "scale", 1);
    Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
        "format", "png", "captureBeyondViewport", true, "clip", clip));
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** axe-core's serious and critical violations on the page as it is now, one line each. */
  List<String> seriousViolations() {
    Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"))
        .analyze(driver);
    List<String> out = new ArrayList<>();
    for (Rule r : results.getViolations()) {
      if (!"serious".equals(r.getImpact()) && !"critical".equals(r.getImpact())) continue;
      StringBuilder b = new StringBuilder(name + ": " + r.getId() + " (" + r.getImpact() + "): " + r.getHelp());
      r.getNodes().stream().limit(3).forEach(n -> b.append("\n    ").append(n.getTarget()).append(' ')
          .append(n.getFailureSummary()));
      out.add(b.toString());
    }
    return out;
  }

  @Override
  public void close() { driver.quit(); }
}
