package cn.baoxue.cases;

import cn.baoxue.kernel.validation.Inputs;
import cn.baoxue.kernel.identity.GroupIds;
import cn.baoxue.org.StaffDirectory;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 包保: the township names one helper on each line (双线) — a teacher of the child's school and
 * a cadre of her home village — and optionally a cadre of the county women's federation.
 */
@Service
public class HelperAssignmentService {

  private final CaseOfProcess caseOfProcess;
  private final HelperAssignmentRepository assignments;
  private final StaffDirectory staff;

  HelperAssignmentService(CaseOfProcess caseOfProcess, HelperAssignmentRepository assignments, StaffDirectory staff) {
    this.caseOfProcess = caseOfProcess;
    this.assignments = assignments;
    this.staff = staff;
  }

  @Transactional
  public HelperAssignment assign(CaseStep step, String teacher, String cadre, String womenfed) {
    DropoutCase dropoutCase = caseOfProcess.requireOpen(step);
    Inputs in = new Inputs();
    // A child with no 学籍 has no school yet: the township that works her case offers her first helper.
    String teacherHelper = member(in, "teacherHelper", teacher, "包保教师", dropoutCase.schoolGroup(),
        dropoutCase.hasSchool() ? "本案学校的教师" : "本案乡镇的工作人员（该学生无学籍）", true);
    String cadreHelper = member(in, "cadreHelper", cadre, "包保村干部", GroupIds.village(dropoutCase.getVillageCode()), "本案户籍村的村干部", true);
    String womenfedHelper =
        member(in, "womenfedHelper", womenfed, "妇联包保人", GroupIds.womenFederation(dropoutCase.getCountyCode()), "本县妇联干部", false);
    in.check();
    return assignments.save(new HelperAssignment(dropoutCase, step.actor(), teacherHelper, cadreHelper, womenfedHelper));
  }

  /**
   * 工作交接: the case's helper pair as it stands, with the leaver replaced by her successor, recorded
   * as a new assignment by whoever handed the work over; the earlier assignments stay as history.
   *
   * @return whether the leaver was one of the case's current helpers
   */
  @Transactional
  public boolean handOver(DropoutCase dropoutCase, String leaver, String successor, String handedBy) {
    List<HelperAssignment> history = assignments.findByCaseIdOrderByRecordedAtAscIdAsc(dropoutCase.getId());
    if (history.isEmpty()) {
      return false;
    }
    HelperAssignment current = history.get(history.size() - 1);
    if (!leaver.equals(current.getTeacherHelper()) && !leaver.equals(current.getCadreHelper())
        && !leaver.equals(current.getWomenfedHelper())) {
      return false;
    }
    assignments.save(new HelperAssignment(dropoutCase, handedBy, replace(current.getTeacherHelper(), leaver, successor),
        replace(current.getCadreHelper(), leaver, successor), replace(current.getWomenfedHelper(), leaver, successor)));
    return true;
  }

  private static String replace(String helper, String leaver, String successor) {
    return leaver.equals(helper) ? successor : helper;
  }

  private String member(Inputs in, String field, String raw, String label, String groupId, String who, boolean required) {
    String userId = in.text(field, raw, label, required, 64);
    if (userId == null) {
      return null;
    }
    if (staff.user(userId) == null) {
      in.problem(field, label + "“" + userId + "”不是系统用户");
    } else if (!staff.isMember(userId, groupId)) {
      in.problem(field, label + "“" + userId + "”不是" + who + "，请重新选择");
    }
    return userId;
  }
}
