package cn.baoxue;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.cases.CaseStatus;
import cn.baoxue.cases.DropoutCaseRepository;
import cn.baoxue.org.DemoData;
import cn.baoxue.org.OrgUnitRepository;
import cn.baoxue.testing.TestStudents;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The embedded run keeps its cases in an H2 file: a restart loses nothing and duplicates nothing. */
class RestartPersistenceTests {

  @Test
  void anOpenCaseSurvivesARestartOfTheApplication(@TempDir Path dataDirectory) {
    String[] args = {
      "--spring.datasource.url=jdbc:h2:file:" + dataDirectory.resolve("baoxue"),
      "--server.port=0",
      "--camunda.bpm.job-execution.enabled=false",
      // not "default": the web tests' engine keeps that name in the JVM-wide engine registry
      "--camunda.bpm.process-engine-name=restartTest",
      // nor do its webapps: closing them would unhook the web tests' Cockpit and Tasklist
      "--camunda.bpm.webapp.enabled=false"
    };

    String processInstanceId;
    String caseNumber;
    try (ConfigurableApplicationContext first = start(args)) {
      ProcessEngine engine = first.getBean(ProcessEngine.class);
      IdentityService identity = engine.getIdentityService();
      identity.setAuthentication("teacher-changan", List.of("school_5306270001"));
      ProcessInstance pi = engine.getRuntimeService().createProcessInstanceByKey("dropout-case")
          .setVariables(TestStudents.changanGirl()).execute();
      Task verify = engine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).singleResult();
      engine.getTaskService().complete(verify.getId(), Map.of("verifyResult", "CONFIRMED"));
      identity.clearAuthentication();
      processInstanceId = pi.getId();
      caseNumber = pi.getBusinessKey();
    }

    try (ConfigurableApplicationContext second = start(args)) {
      ProcessEngine engine = second.getBean(ProcessEngine.class);
      Task waiting = engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).singleResult();
      assertThat(waiting.getTaskDefinitionKey()).isEqualTo("assignHelpers");
      assertThat(second.getBean(DropoutCaseRepository.class).findByCaseNumber(caseNumber))
          .hasValueSatisfying(c -> assertThat(c.getStatus()).isEqualTo(CaseStatus.PERSUADING));
      assertThat(engine.getIdentityService().createUserQuery().count()).as("the demo users, none doubled")
          .isEqualTo(DemoData.userIds().size());
      assertThat(engine.getFilterService().createFilterQuery().list()).as("one of each filter, none doubled")
          .extracting(f -> f.getName()).containsExactlyInAnyOrder("我的待办", "本单位待办", "已逾期/督办", "本周到期", "全部待办");
      assertThat(second.getBean(OrgUnitRepository.class).count()).as("the demo units, none doubled")
          .isEqualTo(DemoData.unitCodes().size());
    }
  }

  private static ConfigurableApplicationContext start(String[] args) {
    return new SpringApplicationBuilder(BaoxueApplication.class).run(args);
  }
}
