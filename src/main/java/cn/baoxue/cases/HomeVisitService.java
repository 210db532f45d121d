package cn.baoxue.cases;

import cn.baoxue.kernel.validation.Inputs;
import cn.baoxue.calendar.WorkingDayCalendar;
import java.time.LocalDate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 入户家访: what the helpers found at the child's home. */
@Service
public class HomeVisitService {

  private final CaseOfProcess caseOfProcess;
  private final HomeVisitRepository visits;
  private final WorkingDayCalendar calendar;

  HomeVisitService(CaseOfProcess caseOfProcess, HomeVisitRepository visits, WorkingDayCalendar calendar) {
    this.caseOfProcess = caseOfProcess;
    this.visits = visits;
    this.calendar = calendar;
  }

  /** What the visit form holds, as typed. */
  public record VisitReport(
      String visitDate, String metWith, String childWhereabouts, String reason, String familyAttitude, String notes) {}

  @Transactional
  public HomeVisit record(CaseStep step, VisitReport report) {
    DropoutCase dropoutCase = caseOfProcess.requireOpen(step);
    Inputs in = new Inputs();
    LocalDate visitDate = in.date("visitDate", report.visitDate(), "家访日期");
    if (visitDate != null && visitDate.isAfter(calendar.today())) {
      in.problem("visitDate", "家访日期不能晚于今天");
    }
    String metWith = in.text("metWith", report.metWith(), "见到的人", false, 200);
    ChildWhereabouts whereabouts = in.code("childWhereabouts", ChildWhereabouts.class, report.childWhereabouts(), "孩子去向");
    DropoutReason reason = in.code("reason", DropoutReason.class, report.reason(), "辍学原因");
    FamilyAttitude attitude =
        Inputs.trim(report.familyAttitude()) == null ? null : in.code("familyAttitude", FamilyAttitude.class, report.familyAttitude(), "家庭态度");
    String notes = in.notes("visitNotes", report.notes(), "家访情况", false);
    in.check();
    // The visit is where the real reason is learnt; the ledger counts by it from now on.
    dropoutCase.updateReason(reason);
    return visits.save(new HomeVisit(dropoutCase, step.actor(), visitDate, metWith, whereabouts, reason, attitude, notes));
  }
}
