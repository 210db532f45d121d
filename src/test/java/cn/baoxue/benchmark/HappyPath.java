package cn.baoxue.benchmark;

import cn.baoxue.testing.TestStudents;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The happy path of a dropout case (CaseWalkThroughRestTests): report, verify, helpers, home
 * visit, school and joint persuasion without success, the written order brings the child back,
 * placement, the follow-up timer, one stable follow-up, 销号. Each step is done by the demo user
 * whose job it is, with the variables its form submits.
 */
final class HappyPath {

  static final String TEACHER = "teacher-changan";
  static final String CADRE = "cadre-changan";
  static final String OFFICIAL = "official-jianshan";
  static final String TIMER = "followUpDue";

  record Step(String taskKey, String user, Map<String, Object> variables) {
    boolean isTimer() {
      return TIMER.equals(taskKey);
    }
  }

  private static final AtomicInteger CHILDREN = new AtomicInteger();

  private HappyPath() {}

  /** The steps after the report, in order; the timer step runs the follow-up timer job. */
  static List<Step> steps() {
    return List.of(
        new Step("verify", TEACHER, Map.of("verifyResult", "CONFIRMED", "verifyNotes", "连续两周未到校，已电话核实")),
        new Step("assignHelpers", OFFICIAL, Map.of("teacherHelper", TEACHER, "cadreHelper", CADRE)),
        new Step("homeVisit", TEACHER, Map.of("visitDate", LocalDate.now().toString(), "metWith", "父亲",
            "childWhereabouts", "AT_HOME", "reason", "WEARY", "familyAttitude", "HESITANT", "visitNotes", "孩子在家，不愿上学")),
        new Step("persuadeSchool", TEACHER, Map.of("persuasionResult", "NOT_RETURNED", "persuasionNotes", "谈心两次")),
        new Step("persuadeJoint", CADRE, Map.of("persuasionResult", "NOT_RETURNED", "persuasionNotes", "村乡联合入户")),
        new Step("issueReturnOrder", OFFICIAL, Map.of("orderDeadline", LocalDate.now().plusDays(10).toString(),
            "persuasionResult", "RETURNED", "persuasionNotes", "送达通知书后家长送回")),
        new Step("planPlacement", TEACHER, Map.of("placement", "ORIGINAL_CLASS", "placementPlan", "回原班，结对帮扶")),
        new Step(TIMER, null, Map.of()),
        new Step("followUp", TEACHER, Map.of("followUpResult", "STABLE", "followUpNotes", "按时到校")),
        new Step("approveClosure", OFFICIAL, Map.of("closureDecision", "APPROVE", "closureComment", "同意销号")));
  }

  /**
   * Start variables of a child of 长安村小学 never reported before in this run: the birth date moves
   * on every 100 children, so the ID numbers never repeat (TestStudents varies only a sequence of 500).
   */
  static Map<String, Object> newChild() {
    int n = CHILDREN.getAndIncrement();
    Map<String, Object> variables = new HashMap<>(TestStudents.changanGirl());
    LocalDate birthDate = LocalDate.now().minusYears(12).minusDays(40 + n / 100);
    variables.put("birthDate", birthDate.toString());
    variables.put("studentIdNumber", TestStudents.idNumber(birthDate, false));
    variables.put("studentName", "学生" + n);
    return variables;
  }
}
