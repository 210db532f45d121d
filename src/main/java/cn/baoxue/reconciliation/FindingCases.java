package cn.baoxue.reconciliation;

import cn.baoxue.cases.DropoutReason;
import cn.baoxue.cases.SpecialGroup;
import cn.baoxue.kernel.identity.Staff;
import cn.baoxue.kernel.process.CaseSource;
import cn.baoxue.kernel.process.CaseStart;
import cn.baoxue.kernel.process.CaseStarter;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Findings become work: each NOT_ENROLLED, NOT_ATTENDING and DISABLED_UNPLACED child enters the
 * 疑似辍学 ledger as one {@code dropout-case} at 核实 with source RECONCILIATION, started through
 * {@link CaseStarter} as the member of staff who ran the comparison (the engine checks her right to
 * start cases, the intake her jurisdiction, and the case records who raised it). With a 学籍 the case
 * is the school's; without, the township of the 户籍 village works it. A child with an open case is
 * linked to it, never given a second one, so running the same files again opens nothing.
 */
@Component
class FindingCases {

  /** Above Tasklist's default of 50, below an escalated task's 80: a 脱贫/监测户 child comes first. */
  static final int POVERTY_PRIORITY = 60;

  private final JdbcClient jdbc;
  private final CaseStarter caseStarter;
  private final IdentityService identityService;
  private final TaskService taskService;

  @PersistenceContext private EntityManager entityManager;

  FindingCases(JdbcClient jdbc, CaseStarter caseStarter, IdentityService identityService, TaskService taskService) {
    this.jdbc = jdbc;
    this.caseStarter = caseStarter;
    this.identityService = identityService;
    this.taskService = taskService;
  }

  record Outcome(int opened, int linked) {}

  Outcome openOrLink(long runId, List<Finding> findings, Staff caller) {
    List<Finding> work = findings.stream().filter(finding -> finding.type.opensCase()).toList();
    Map<String, String> open = openCases(work.stream().map(finding -> finding.idNumber).toList());
    int opened = 0;
    int linked = 0;
    List<String> raised = new ArrayList<>();
    identityService.setAuthentication(caller.userId(), caller.groupIds());
    try {
      for (Finding finding : work) {
        String existing = open.get(finding.idNumber);
        if (existing != null) {
          finding.caseNumber = existing;
          finding.reason("该儿童已有未结案件 " + existing + "，已关联，未重复开案");
          linked++;
          continue;
        }
        if (finding.villageCode == null) {
          finding.reason("未开案：户籍文件中没有该儿童，无法确定其户籍村，请核实后上报");
          continue;
        }
        finding.caseNumber = caseStarter.start(start(runId, finding));
        finding.caseOpened = true;
        open.put(finding.idNumber, finding.caseNumber);
        if (finding.priority) {
          raised.add(finding.caseNumber);
        }
        opened++;
        // Each start leaves its student and case managed; a growing persistence context slows every later flush.
        entityManager.flush();
        entityManager.clear();
      }
    } finally {
      identityService.clearAuthentication();
    }
    // The system raises the priority (as escalation does): the uploader need not hold the new task herself.
    for (String caseNumber : raised) {
      taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).list()
          .forEach(task -> taskService.setPriority(task.getId(), POVERTY_PRIORITY));
    }
    return new Outcome(opened, linked);
  }

  private static CaseStart start(long runId, Finding finding) {
    List<String> groups = new ArrayList<>();
    if (finding.priority) {
      groups.add(SpecialGroup.POOR_REGISTERED.name());
    }
    if (finding.disabled) {
      groups.add(SpecialGroup.DISABLED.name());
    }
    String notes = "四查三比对（第" + runId + "次比对）" + finding.type.label() + "：" + String.join("；", finding.reasons);
    return new CaseStart(
        finding.name,
        finding.idNumber,
        finding.gender,
        finding.birthDate.toString(),
        finding.schoolCode,
        finding.grade == null ? null : String.valueOf(finding.grade),
        finding.villageCode,
        finding.guardianName,
        finding.guardianPhone,
        (finding.disabled ? DropoutReason.DISABILITY : DropoutReason.OTHER).name(),
        CaseSource.RECONCILIATION.name(),
        String.join(",", groups),
        notes.length() > 2000 ? notes.substring(0, 1999) + "…" : notes);
  }

  /** The open case of each child that has one, by 身份证号. */
  private Map<String, String> openCases(List<String> idNumbers) {
    Map<String, String> open = new HashMap<>();
    for (int from = 0; from < idNumbers.size(); from += 500) {
      jdbc.sql("""
              select s.id_number, c.case_number from dropout_case c join student s on s.id = c.open_student_id
              where s.id_number in (:ids)""")
          .param("ids", idNumbers.subList(from, Math.min(idNumbers.size(), from + 500)))
          .query((rs, n) -> open.put(rs.getString(1), rs.getString(2)))
          .list();
    }
    return open;
  }
}
