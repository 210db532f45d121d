package cn.baoxue.web;

import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.BrowserPerClass;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every role's working day ({@link WorkingDay}) in the Chinese browser at desktop size. */
@BaoxueWebTest
class WorkingDayBrowserTests {

  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired JdbcTemplate jdbc;
  @RegisterExtension static final BrowserPerClass chromium = new BrowserPerClass();

  @Test
  void everyRoleDoesItsStepsUntilTheCaseIsClosed() {
    new WorkingDay(chromium.browser(), "day-desk", runtimeService, managementService, jdbc).walk();
  }
}
