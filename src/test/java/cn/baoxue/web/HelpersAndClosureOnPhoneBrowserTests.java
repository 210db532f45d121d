package cn.baoxue.web;

import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.BrowserPerClass;
import cn.baoxue.testing.ChineseBrowser;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The helpers' day and 销号 (HelpersAndClosureBrowserWalk) in the Chinese browser at 360×800. */
@BaoxueWebTest
class HelpersAndClosureOnPhoneBrowserTests extends HelpersAndClosureBrowserWalk {

  @RegisterExtension static final BrowserPerClass phone = BrowserPerClass.onPhone();

  @Override
  ChineseBrowser browserInUse() {
    return phone.browser();
  }

  @Override
  String prefix() {
    return "phone";
  }
}
