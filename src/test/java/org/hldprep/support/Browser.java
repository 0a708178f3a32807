package org.hldprep.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Selenium, for the {@code *BrowserIT}s: one fresh browser (fresh
 * profile under target/) per scenario, explicit waits only, a screenshot per scenario under
 * {@code target/e2e-screenshots/}. Nothing is downloaded: the browser and its driver are Debian's.
 *
 * <p>Typing and clicking go through the page's DOM ({@code element.click()}, the value setter plus
 * {@code input}/{@code change}/{@code blur} events), which runs the same AngularJS and form-js handlers
 * as a person's input. Trusted input events are not used because Debian's headless Chromium 156
 * stops delivering them to the Camunda webapps once their login view has rendered (seen with
 * chromedriver and with playwright-core alike; plain pages get them), so {@code sendKeys} and
 * {@code WebElement.click()} would silently do nothing there.
 */
public final class Browser implements AutoCloseable {

  /** Debian's paths; -De2e.chromium=... / -De2e.chromedriver=... point elsewhere (or nowhere, to see the skip). */
  public static final Path CHROMIUM = Path.of(System.getProperty("e2e.chromium", "/usr/bin/chromium"));
  public static final Path CHROMEDRIVER = Path.of(System.getProperty("e2e.chromedriver", "/usr/bin/chromedriver"));
  public static final Path SCREENSHOTS = Path.of("target", "e2e-screenshots");
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
      "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--window-size=1400,1000", "--lang=en-US");

  private final ChromeDriverService service;
  private final ChromeDriver driver;
  private final WebDriverWait wait;
  private final String scenario;

  /**
   * Skips the calling test (JUnit reports it as skipped, never passed) when Debian's chromium or
   * chromium-driver is not installed.
   */
  public static void assumeInstalled() {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Browser tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER
            + "): apt-get install chromium chromium-driver");
  }

  private Browser(String scenario) {
    this.scenario = scenario;
    Path profile;
    try {
      Files.createDirectories(Path.of("target", "e2e-profiles"));
      profile = Files.createTempDirectory(Path.of("target", "e2e-profiles"), scenario + "-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
        .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(FLAGS);
    options.addArguments("--user-data-dir=" + profile.toAbsolutePath());
    driver = new ChromeDriver(service, options);
    wait = new WebDriverWait(driver, WAIT);
  }

  /** A fresh browser for one scenario; the scenario names its screenshot. */
  public static Browser open(String scenario) {
    assumeInstalled();
    return new Browser(scenario);
  }

  public WebDriver driver() {
    return driver;
  }

  public void get(String url) {
    driver.get(url);
  }

  /** Camunda's own login form (Tasklist, Cockpit, Admin), as a person fills it. */
  public void login(String appUrl, String user, String password) {
    driver.get(appUrl);
    type(visible(By.cssSelector("form[name=signinForm] input[type=text]")), user);
    type(visible(By.cssSelector("form[name=signinForm] input[type=password]")), password);
    click(visible(By.cssSelector("form[name=signinForm] button[type=submit]")));
  }

  public WebElement visible(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  public WebElement present(By by) {
    return wait.until(ExpectedConditions.presenceOfElementLocated(by));
  }

  public <T> T until(Function<WebDriver, T> condition) {
    return wait.until(condition);
  }

  public List<WebElement> all(By by) {
    return driver.findElements(by);
  }

  public void click(WebElement element) {
    js("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", element);
  }

  /** Sets the field's value and fires the events AngularJS and form-js listen to. */
  public void type(WebElement field, String text) {
    js("""
        const field = arguments[0];
        field.focus();
        const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field), 'value').set;
        setter.call(field, arguments[1]);
        field.dispatchEvent(new Event('input', {bubbles: true}));
        field.dispatchEvent(new Event('change', {bubbles: true}));
        field.dispatchEvent(new FocusEvent('blur'));
        field.dispatchEvent(new FocusEvent('focusout', {bubbles: true}));
        """, field, text);
  }

  public Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /**
   * Runs an asynchronous script in the page (its last argument is the callback to call with the
   * result), e.g. a {@code fetch} with the page's own session.
   */
  public Object jsAsync(String script, Object... args) {
    driver.manage().timeouts().scriptTimeout(WAIT);
    return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
  }

  /** Saves target/e2e-screenshots/&lt;scenario&gt;.png (or -suffix) and returns its path. */
  public Path screenshot(String suffix) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path target = SCREENSHOTS.resolve(scenario + (suffix.isEmpty() ? "" : "-" + suffix) + ".png");
      Path taken = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(taken, target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Path screenshot() {
    return screenshot("");
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      service.stop();
    }
  }
}
