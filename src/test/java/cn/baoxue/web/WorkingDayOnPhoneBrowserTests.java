package cn.baoxue.web;

import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.BrowserPerClass;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every role's working day ({@link WorkingDay}) in the Chinese browser at a phone's size (360×800). */
@BaoxueWebTest
class WorkingDayOnPhoneBrowserTests {

  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired JdbcTemplate jdbc;
  @RegisterExtension static final BrowserPerClass chromium = BrowserPerClass.onPhone();

  @Test
  void everyRoleDoesItsStepsUntilTheCaseIsClosed() {
    new WorkingDay(chromium.browser(), "day-phone", runtimeService, managementService, jdbc).walk();
  }
}
