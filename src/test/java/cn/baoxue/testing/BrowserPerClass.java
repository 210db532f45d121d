package cn.baoxue.testing;

import java.util.function.IntFunction;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * One Chinese Chromium for all the tests of a class, on the class's running application: skipped
 * where Chromium is not installed, failed where its Intl is not Chinese (chromium-l10n missing),
 * opened before the first test, closed after the last. Register it as a static field with
 * {@code @RegisterExtension}, after the Spring test extension.
 */
public final class BrowserPerClass implements BeforeAllCallback, AfterAllCallback {

  private final IntFunction<ChineseBrowser> opening;
  private ChineseBrowser browser;

  /** The Chinese browser in a desktop window. */
  public BrowserPerClass() {
    this(ChineseBrowser::open);
  }

  private BrowserPerClass(IntFunction<ChineseBrowser> opening) {
    this.opening = opening;
  }

  /** The Chinese browser in a phone-sized window (360×800). */
  public static BrowserPerClass onPhone() {
    return new BrowserPerClass(ChineseBrowser::openOnPhone);
  }

  /** The same browser set to English (Intl en-US), for what must work for everyone else too. */
  public static BrowserPerClass inEnglish() {
    return new BrowserPerClass(ChineseBrowser::openInEnglish);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    ChineseBrowser.assumeChromium();
    String port = SpringExtension.getApplicationContext(context).getEnvironment().getRequiredProperty("local.server.port");
    browser = opening.apply(Integer.parseInt(port));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (browser != null) {
      browser.close();
      browser = null;
    }
  }

  public ChineseBrowser browser() {
    return browser;
  }
}
