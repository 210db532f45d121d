package cn.baoxue.cases;

import cn.baoxue.org.StaffDirectory;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 办理记录: what the helpers and officials did on a case — its home visits, persuasion attempts and
 * follow-ups — one line each, in the order they were recorded, with the person who did it by name
 * (杨国富, never a login id). The forms of later steps show them, so that the other helper sees who
 * visited and the township sees every visit before it approves closing (销号).
 */
@Service
public class CaseRecordLines {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

  private final CaseOfProcess caseOfProcess;
  private final HomeVisitRepository visits;
  private final PersuasionAttemptRepository attempts;
  private final FollowUpRepository followUps;
  private final StaffDirectory staff;

  CaseRecordLines(
      CaseOfProcess caseOfProcess,
      HomeVisitRepository visits,
      PersuasionAttemptRepository attempts,
      FollowUpRepository followUps,
      StaffDirectory staff) {
    this.caseOfProcess = caseOfProcess;
    this.visits = visits;
    this.attempts = attempts;
    this.followUps = followUps;
    this.staff = staff;
  }

  /**
   * One recorded step.
   *
   * @param step what was done (入户家访, 学校劝返, 跟踪回访 …)
   * @param doneBy who did it, by name
   * @param day the day it was done (the visit's own date; else the day it was recorded)
   * @param result what came of it, in words
   * @param notes what was written down
   */
  public record Line(String step, String doneBy, String day, String result, String notes) {}

  /** The lines of the case of this process instance; none for a process without an intake record. */
  @Transactional(readOnly = true)
  public List<Line> of(String processInstanceId) {
    return caseOfProcess.find(processInstanceId).map(this::of).orElse(List.of());
  }

  private List<Line> of(DropoutCase dropoutCase) {
    record Dated(java.time.LocalDateTime at, long id, Line line) {}
    List<Dated> lines = new ArrayList<>();
    for (HomeVisit visit : visits.findByCaseIdOrderByRecordedAtAscIdAsc(dropoutCase.getId())) {
      String result = visit.getChildWhereabouts() == null ? "" : "孩子" + visit.getChildWhereabouts().label();
      if (visit.getFamilyAttitude() != null) {
        result += "，家庭" + visit.getFamilyAttitude().label();
      }
      lines.add(new Dated(visit.getRecordedAt(), visit.getId(), new Line("入户家访", name(visit), day(visit.getVisitDate(), visit), result, visit.getNotes())));
    }
    for (PersuasionAttempt attempt : attempts.findByCaseIdOrderByRecordedAtAscIdAsc(dropoutCase.getId())) {
      lines.add(new Dated(attempt.getRecordedAt(), attempt.getId(), new Line(attempt.getRung().label(), name(attempt), day(null, attempt),
          attempt.getResult() == null ? "" : attempt.getResult().label(), attempt.getNotes())));
    }
    for (FollowUp followUp : followUps.findByCaseIdOrderByRecordedAtAscIdAsc(dropoutCase.getId())) {
      lines.add(new Dated(followUp.getRecordedAt(), followUp.getId(), new Line("跟踪回访", name(followUp), day(null, followUp),
          followUp.getResult() == null ? "" : followUp.getResult().label(), followUp.getNotes())));
    }
    return lines.stream()
        .sorted(Comparator.comparing(Dated::at).thenComparing(Dated::id))
        .map(Dated::line)
        .toList();
  }

  private String name(CaseRecord record) {
    return staff.fullName(record.getRecordedBy());
  }

  private static String day(LocalDate date, CaseRecord record) {
    return date != null ? DAY.format(date) : DAY.format(record.getRecordedAt());
  }
}
