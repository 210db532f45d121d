package cn.baoxue.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium (/usr/bin/chromium with /usr/bin/chromedriver) set to Chinese and
 * Asia/Shanghai, as an official in Zhaotong would use it. Screenshots go to target/screenshots/.
 *
 * <p>Chinese means Chinese down to JavaScript's {@code Intl}, which decides how form-js reads and
 * writes dates: Chromium takes it from its language pack (Debian's chromium-l10n) and the
 * LANGUAGE of its environment, not from {@code --lang}; without the pack it stays en-US,
 * and a test run that way is an English browser whatever its page language says. No emulation:
 * the browser is opened as a user's would be, and refused (a failure, not a skip) unless its Intl
 * speaks the language asked for.
 */
public final class ChineseBrowser implements AutoCloseable {

  public static final String CHROMIUM = "/usr/bin/chromium";
  public static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  /** English a Chinese page may show: product and time-zone names, and "ID" (as in 定义 ID). */
  private static final Set<String> ALLOWED_ENGLISH = Set.of("Camunda", "Platform", "Asia", "Shanghai", "ID");
  private static final Pattern ENGLISH_WORD = Pattern.compile("(?<![A-Za-z0-9_-])[A-Za-z]{2,}(?![A-Za-z0-9_-])");

  private final ChromeDriver driver;
  private final String baseUrl;
  private final WebDriverWait wait;


  private ChineseBrowser(ChromeDriver driver, String baseUrl) {
    this.driver = driver;
    this.baseUrl = baseUrl;
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
  }

  /** Skips the calling test, with the reason, on a machine without Debian's Chromium. */
  public static void assumeChromium() {
    assumeTrue(new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute(),
        "Browser tests skipped: install Debian's chromium, chromium-driver, chromium-l10n and fonts-noto-cjk ("
            + CHROMIUM + ", " + CHROMEDRIVER + ")");
  }

  public static ChineseBrowser open(int port) {
    return open(port, "zh-CN", "zh_CN", false);
  }

  /**
   * The Chinese browser with a phone's viewport: 360×800 CSS pixels at two device pixels each.
   * Chromium keeps a window at least 500 pixels wide, so the viewport is set through DevTools;
   * only its size, never the language.
   */
  public static ChineseBrowser openOnPhone(int port) {
    return open(port, "zh-CN", "zh_CN", true);
  }

  /** The same browser set to English, for what must stay English for everyone else. */
  public static ChineseBrowser openInEnglish(int port) {
    return open(port, "en-US", "en_US", false);
  }

  private static ChineseBrowser open(int port, String language, String posixLanguage, boolean phone) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1400,1000", "--lang=" + language);
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language + "," + language.substring(0, 2)));
    // The console, for the Content-Security-Policy violations Chromium reports there.
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER))
        .usingAnyFreePort()
        // LANGUAGE decides Chromium's language and Intl. LANG stays a UTF-8 locale every Debian has:
        // zh_CN.UTF-8 exists only where it was generated, and without it chromedriver falls back
        // to ASCII and finds no file whose name is Chinese (组织机构.csv).
        .withEnvironment(Map.of("TZ", "Asia/Shanghai", "LANGUAGE", posixLanguage, "LANG", "C.UTF-8"))
        .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    if (phone) {
      driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
          Map.of("width", 360, "height", 800, "deviceScaleFactor", 2, "mobile", false));
    }
    ChineseBrowser browser = new ChineseBrowser(driver, "http://localhost:" + port);
    try {
      browser.assertIntlSpeaks(language.substring(0, 2));
    } catch (AssertionError notThatLanguage) {
      browser.close();
      throw notThatLanguage;
    }
    return browser;
  }

  /** The locale of the browser's JavaScript {@code Intl}: what form-js reads and writes dates in. */
  public String intlLocale() {
    return (String) ((JavascriptExecutor) driver).executeScript("return Intl.DateTimeFormat().resolvedOptions().locale;");
  }

  private void assertIntlSpeaks(String language) {
    assertThat(intlLocale())
        .as("Chromium's Intl locale (opened with LANGUAGE of %s): install Debian's chromium-l10n, "
            + "or the browser tests run in an English browser", language)
        .startsWith(language);
  }

  public ChromeDriver driver() {
    return driver;
  }

  /** Baoxue's one login page, then the given page. */
  public void logIn(String user) {
    driver.manage().deleteAllCookies();
    driver.get(baseUrl + "/login");
    driver.findElement(By.id("username")).sendKeys(user);
    driver.findElement(By.id("password")).sendKeys(EngineRest.DEMO_PASSWORD);
    driver.findElement(By.cssSelector("form button[type=submit]")).click();
    try {
      wait.until(d -> !d.getCurrentUrl().contains("/login"));
    } catch (TimeoutException stillOnTheLoginPage) {
      throw new AssertionError("Login of " + user + " did not leave " + driver.getCurrentUrl() + ": " + visibleText(),
          stillOnTheLoginPage);
    }
  }

  /**
   * Opens the page; a Camunda webapp is waited for until Angular has started it, which on a busy
   * two-core machine can take longer than any one element's wait.
   */
  public void go(String path) {
    driver.get(baseUrl + path);
    if (path.startsWith("/camunda/app/")) {
      new WebDriverWait(driver, Duration.ofSeconds(90)).until(d -> Boolean.TRUE.equals(
          ((JavascriptExecutor) d).executeScript("return document.querySelector('.ng-scope') != null;")));
    }
  }

  public WebElement waitFor(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  public void waitUntilGone(By by) {
    wait.until(ExpectedConditions.invisibilityOfElementLocated(by));
  }

  /**
   * Scrolls the element to the middle of the view first: Tasklist's fixed footer covers the bottom.
   * Tasklist redraws its lists when they refresh: an element redrawn between finding and clicking
   * is found again.
   */
  public void click(By by) {
    for (int attempt = 1; ; attempt++) {
      try {
        click(wait.until(ExpectedConditions.elementToBeClickable(by)));
        return;
      } catch (StaleElementReferenceException redrawn) {
        if (attempt == 3) {
          throw redrawn;
        }
      }
    }
  }

  /**
   * Tasklist's notifications ("流程已启动。", "任务已认领。") float over the bottom right, where a
   * form's 办理完成 button sits: a click they intercept closes them, as a user would, and clicks
   * again. A form that is still laying itself out (a refusal box appearing, a dropdown opening
   * under its field) can move the element after it was scrolled to: the element is scrolled to
   * again once the page has settled, as a user's eye follows it.
   */
  public void click(WebElement element) {
    for (int attempt = 1; ; attempt++) {
      ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
      try {
        element.click();
        return;
      } catch (ElementClickInterceptedException covered) {
        if (attempt == 4) {
          throw covered;
        }
        closeNotifications();
        pause(Duration.ofMillis(250L * attempt));
      }
    }
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(interrupted);
    }
  }

  public void closeNotifications() {
    ((JavascriptExecutor) driver).executeScript(
        "document.querySelectorAll('.page-notifications .close, .baoxue-case-started .close').forEach(b => b.click());");
    wait.until(d -> d.findElements(By.cssSelector(".page-notifications .alert")).stream().noneMatch(WebElement::isDisplayed));
  }

  /** The input of the form-js field with this label. */
  public WebElement field(String label) {
    return waitFor(By.xpath("//label[normalize-space(.)='" + label + "' or normalize-space(.)='" + label + "*']"
        + "/ancestor::div[contains(@class,'fjs-form-field')][1]//*[self::input or self::textarea]"));
  }

  /** Waits until the form-js field with this label shows the value (forms fill in after they appear). */
  public void waitForValue(String label, String value) {
    wait.until(ExpectedConditions.attributeToBe(field(label), "value", value));
  }

  /** Addresses the page has fetched so far that contain the given part. */
  @SuppressWarnings("unchecked")
  public List<String> fetched(String part) {
    return ((List<Object>) ((JavascriptExecutor) driver).executeScript(
        "return performance.getEntriesByType('resource').map(e => e.name).filter(n => n.includes(arguments[0]));", part))
        .stream().map(String::valueOf).toList();
  }

  public String visibleText() {
    return (String) ((JavascriptExecutor) driver).executeScript("return document.body.innerText;");
  }

  /** English words in the visible page other than product names and user ids. */
  public Set<String> untranslatedEnglish() {
    Set<String> words = new TreeSet<>();
    Matcher m = ENGLISH_WORD.matcher(visibleText());
    while (m.find()) {
      if (!ALLOWED_ENGLISH.contains(m.group())) {
        words.add(m.group());
      }
    }
    return words;
  }

  public void assertAllChinese(String where) {
    assertThat(untranslatedEnglish()).as("untranslated English in %s", where).isEmpty();
  }

  /** The demo users' login ids: a page shows people by name, never by these. */
  public static final List<String> DEMO_LOGIN_IDS = List.of("teacher-changan", "principal-changan", "teacher-nantai",
      "teacher-jianshan", "cadre-changan", "cadre-nantai", "official-jianshan", "official-nantai", "bureau-zhenxiong",
      "womenfed-zhenxiong", "auditor", "admin", "bureau-zhaotong", "bureau-yiliang", "police-zhenxiong", "experts-zhenxiong");
  /** Group ids (township_530627205, camunda-admin …) and variable names (guardianPhone) that must not reach a reader. */
  private static final Pattern GROUP_ID = Pattern.compile(
      "\\b(school|village|township|county|prefecture|province|womenfed|dept|experts)_\\w*|camunda-admin|\\bprincipals\\b|\\bauditors\\b");
  private static final Pattern VARIABLE_NAME = Pattern.compile("\\b[a-z]+(?:[A-Z][a-z0-9]+)+\\b");

  /**
   * What on this text a person should not have to read: English words, login ids of the demo
   * users, group ids and variable names. Empty when the text is fit for Baoxue's users.
   */
  public static Set<String> unreadableByPeople(String text) {
    Set<String> found = new TreeSet<>();
    Matcher english = ENGLISH_WORD.matcher(text);
    while (english.find()) {
      if (!ALLOWED_ENGLISH.contains(english.group())) {
        found.add(english.group());
      }
    }
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    for (String login : DEMO_LOGIN_IDS) {
      if (Pattern.compile("(?<![a-z0-9-])" + Pattern.quote(login) + "(?![a-z0-9-])").matcher(lower).find()) {
        found.add(login);
      }
    }
    for (Pattern pattern : List.of(GROUP_ID, VARIABLE_NAME)) {
      Matcher m = pattern.matcher(text);
      while (m.find()) {
        found.add(m.group());
      }
    }
    return found;
  }

  /**
   * The visible page is for people: no English word, no login id of a demo user, no group id
   * ({@code township_530627205}) or variable name ({@code guardianPhone}). People and units are
   * shown by name.
   */
  public void assertReadableByPeople(String where) {
    assertThat(unreadableByPeople(visibleText()))
        .as("English words, login ids, group ids or variable names on %s (%s)", where, driver.getCurrentUrl())
        .isEmpty();
  }

  public Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path target = SCREENSHOTS.resolve(name + ".png");
      Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource());
      return target;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public List<String> texts(By by) {
    return driver.findElements(by).stream().map(WebElement::getText).toList();
  }

  /** Console messages since the last call, each as "LEVEL message". */
  public List<String> console() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .map(entry -> entry.getLevel() + " " + entry.getMessage())
        .toList();
  }

  /** Content-Security-Policy violations Chromium reported on the console since the last call. */
  public List<String> contentSecurityPolicyViolations() {
    return console().stream().filter(message -> message.contains("Content Security Policy")).toList();
  }

  @Override
  public void close() {
    driver.quit();
  }

}
