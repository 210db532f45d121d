package cn.baoxue.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * One Chinese Chromium for all the tests of a class, on the class's running application: skipped
 * where Chromium is not installed, opened before the first test, closed after the last. Register
 * it as a static field with {@code @RegisterExtension}, after the Spring test extension.
 */
public final class BrowserPerClass implements BeforeAllCallback, AfterAllCallback {

  private ChineseBrowser browser;

  @Override
  public void beforeAll(ExtensionContext context) {
    ChineseBrowser.assumeChromium();
    String port = SpringExtension.getApplicationContext(context).getEnvironment().getRequiredProperty("local.server.port");
    browser = ChineseBrowser.open(Integer.parseInt(port));
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
