package cn.baoxue.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.org.StaffDirectory;
import cn.baoxue.testing.ActingUsers;
import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.EngineRest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * An auditor reconstructs a case worked by several people: claims and an unclaim, a missed deadline
 * with its 督办 and reassignment, a variable corrected by the administrator.
 */
@BaoxueWebTest
class CaseTimelineTests {

  @Autowired TestRestTemplate anonymous;
  @Autowired ProcessEngine engine;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired StaffDirectory staff;

  @Test
  void theTimelineShowsWhoDidWhatInOrder() {
    ProcessInstance pi = aCaseWorkedByManyHands();

    List<Map<String, Object>> timeline = EngineRest.as(anonymous, "auditor")
        .getList("/api/audit/cases/" + pi.getBusinessKey() + "/timeline").getBody();
    List<String> lines = timeline.stream()
        .map(e -> e.get("type") + "|" + e.get("actorName") + "|" + e.get("step") + "|"
            + ((String) e.get("description")).replaceAll("期限 \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}", "期限 …"))
        .toList();
    // Every entry with its actor, exactly; entries written by one engine step (a task's creation,
    // a reassignment) share a millisecond or two, so their order among themselves is free ...
    assertThat(lines).containsExactlyInAnyOrder(
            "REPORTED|李明华（长安村小学）|发现疑似辍学|上报，登记立案",
            "IDENTITY_LINK|李明华（长安村小学）|核实是否辍学|分给 长安村小学",
            "TASK_CREATED|系统|核实是否辍学|生成任务，期限 …",
            "IDENTITY_LINK|李明华（长安村小学）|核实是否辍学|由 李明华（长安村小学） 办理",
            "OPERATION|李明华（长安村小学）|核实是否辍学|认领任务",
            "IDENTITY_LINK|李明华（长安村小学）|核实是否辍学|不再由 李明华（长安村小学） 办理",
            "OPERATION|李明华（长安村小学）|核实是否辍学|取消认领",
            "IDENTITY_LINK|王建国（长安村小学）|核实是否辍学|由 王建国（长安村小学） 办理",
            "OPERATION|王建国（长安村小学）|核实是否辍学|认领任务",
            "TASK_COMPLETED|王建国（长安村小学）|核实是否辍学|按期办结",
            "IDENTITY_LINK|王建国（长安村小学）|指定包保责任人|分给 尖山乡",
            "TASK_CREATED|系统|指定包保责任人|生成任务，期限 …",
            "TASK_COMPLETED|赵文斌（尖山乡）|指定包保责任人|按期办结",
            // Offered to both helpers by name: either may take it.
            "IDENTITY_LINK|赵文斌（尖山乡）|入户家访|分给 李明华（长安村小学）",
            "IDENTITY_LINK|赵文斌（尖山乡）|入户家访|分给 杨国富（长安村）",
            "TASK_CREATED|系统|入户家访|生成任务，期限 …",
            "ESCALATION|系统|入户家访|逾期0天，第1次督办，提交尖山乡；原办理人/单位：杨国富（长安村）、李明华（长安村小学）",
            "IDENTITY_LINK|系统|入户家访|分给 尖山乡",
            "IDENTITY_LINK|赵文斌（尖山乡）|入户家访|由 王建国（长安村小学） 办理",
            "VARIABLE|系统管理员|null|修改「监护人电话」：138****0001 → 139****0002",
            "OPERATION|系统管理员|null|修改表单内容");
    // ... while the steps people took one after the other come in the order they took them.
    assertThat(lines).containsSubsequence(
        "REPORTED|李明华（长安村小学）|发现疑似辍学|上报，登记立案",
        "OPERATION|李明华（长安村小学）|核实是否辍学|认领任务",
        "OPERATION|李明华（长安村小学）|核实是否辍学|取消认领",
        "OPERATION|王建国（长安村小学）|核实是否辍学|认领任务",
        "TASK_COMPLETED|王建国（长安村小学）|核实是否辍学|按期办结",
        "TASK_COMPLETED|赵文斌（尖山乡）|指定包保责任人|按期办结",
        "ESCALATION|系统|入户家访|逾期0天，第1次督办，提交尖山乡；原办理人/单位：杨国富（长安村）、李明华（长安村小学）",
        "IDENTITY_LINK|赵文斌（尖山乡）|入户家访|由 王建国（长安村小学） 办理",
        "VARIABLE|系统管理员|null|修改「监护人电话」：138****0001 → 139****0002");
    // People read it: no login id, group id or variable name in what it says.
    assertThat(lines).noneMatch(line -> line.matches(".*(changan|jianshan|township_|school_|village_|guardianPhone|assignee).*"));
    assertThat(timeline).filteredOn(e -> "TASK_COMPLETED".equals(e.get("type"))).allMatch(e -> Boolean.TRUE.equals(e.get("onTime")));
  }

  @Test
  void theAuditorSearchesCasesExportsTheTimelineAndListsWhatAnOfficialDid() throws Exception {
    ProcessInstance pi = aCaseWorkedByManyHands();
    EngineRest auditor = EngineRest.as(anonymous, "auditor");

    List<Map<String, Object>> found = auditor.getList("/api/audit/cases?q=" + pi.getBusinessKey()).getBody();
    assertThat(found).singleElement().satisfies(c -> {
      assertThat(c.get("studentName")).isEqualTo("王小梅");
      assertThat((String) c.get("idNumber")).contains("********");
      assertThat(c.get("escalations")).isEqualTo(1);
    });
    assertThat(anonymous.withBasicAuth("auditor", "demo").getForObject("/audit/cases?q=" + pi.getBusinessKey(), String.class))
        .contains(pi.getBusinessKey(), "王小梅", "共 1 件");
    assertThat(auditor.getList("/api/audit/cases?overdueOnly=true&unit=5306270001").getBody())
        .extracting(c -> c.get("caseNumber")).contains(pi.getBusinessKey());
    assertThat(EngineRest.as(anonymous, "teacher-nantai").getList("/api/audit/cases?q=" + pi.getBusinessKey()).getBody())
        .isEmpty();

    assertThat(auditor.getList("/api/audit/operations?user=principal-changan").getBody())
        .filteredOn(op -> pi.getBusinessKey().equals(op.get("caseNumber")))
        .extracting(op -> op.get("operation"))
        .containsSubsequence("Claim", "Complete");

    var xlsx = anonymous.withBasicAuth("auditor", "demo")
        .getForEntity("/api/audit/cases/" + pi.getBusinessKey() + "/timeline.xlsx", byte[].class);
    assertThat(xlsx.getHeaders().getContentType().toString()).startsWith("application/vnd.openxmlformats");
    try (var workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(xlsx.getBody()))) {
      List<org.dhatim.fastexcel.reader.Row> rows = workbook.getFirstSheet().read();
      assertThat(rows.get(0).getCellText(3)).isEqualTo("事项");
      assertThat(rows).extracting(row -> row.getCellText(3)).contains("上报，登记立案", "修改「监护人电话」：138****0001 → 139****0002");
    }
  }

  /** Claims and an unclaim, a missed deadline with its 督办 and a reassignment, a corrected variable. */
  private ProcessInstance aCaseWorkedByManyHands() {
    ActingUsers users = new ActingUsers(engine, staff);
    ProcessInstance pi = users.reportAtChangan();
    String verify = users.taskOf(pi.getId()).getId();
    users.as("teacher-changan", () -> { taskService.claim(verify, "teacher-changan"); return null; });
    users.as("teacher-changan", () -> { taskService.claim(verify, null); return null; });
    users.as("principal-changan", () -> { taskService.claim(verify, "principal-changan"); return null; });
    users.complete("principal-changan", verify, Map.of("verifyResult", "CONFIRMED"));
    users.complete("official-jianshan", users.taskOf(pi.getId()).getId(),
        Map.of("teacherHelper", "teacher-changan", "cadreHelper", "cadre-changan"));
    String visit = users.taskOf(pi.getId()).getId();
    managementService.executeJob(managementService.createJobQuery().processInstanceId(pi.getId())
        .activityId("homeVisit").timers().singleResult().getId());
    String supervise = taskService.createTaskQuery().processDefinitionKey("supervision")
        .processInstanceBusinessKey(pi.getBusinessKey()).singleResult().getId();
    users.complete("official-jianshan", supervise,
        Map.of("supervisionAction", "REASSIGN", "newAssignee", "principal-changan", "supervisionNotes", "班主任病假，由校长家访"));
    users.as("admin", () -> { engine.getRuntimeService().setVariable(pi.getId(), "guardianPhone", "13900000002"); return null; });
    return pi;
  }
}
