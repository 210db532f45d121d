package cn.baoxue.web;

import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.BrowserPerClass;
import cn.baoxue.testing.ChineseBrowser;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The helpers' day and 销号 (HelpersAndClosureBrowserWalk) in the Chinese browser at desktop size. */
@BaoxueWebTest
class HelpersAndClosureBrowserTests extends HelpersAndClosureBrowserWalk {

  @RegisterExtension static final BrowserPerClass chromium = new BrowserPerClass();

  @Override
  ChineseBrowser browserInUse() {
    return chromium.browser();
  }

  @Override
  String prefix() {
    return "desktop";
  }
}
