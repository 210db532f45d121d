package cn.baoxue.workflow;

import cn.baoxue.cases.DropoutCase;
import cn.baoxue.cases.DropoutCaseRepository;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Gives each new task of a case what its form's summary and Tasklist's list show.
 *
 * <p>The form's facts — the rung of the persuasion ladder reached and the day the case was
 * reported — are the case's, so they live once on the process instance, rewritten only when the
 * case has moved on; a form reads them through its task. Tasklist's list, though, shows only
 * variables the user may read, which are those of her tasks, not of the process instance: so
 * each task gets one task-local line naming the case, which stays out of the history
 * (LeanFullHistory).
 */
@Component
public class CaseSummaryListener implements TaskListener {

  private static final String CURRENT_RUNG = "currentRung";
  private static final String REPORTED_ON = "reportedOn";
  /** The task-local line Tasklist's filters show (TasklistFilters): student · school · village · case number. */
  static final String CASE_SUMMARY = "caseSummary";
  public static final String CASE_SUMMARY_SEPARATOR = " · ";
  /**
   * The line's parts, one variable per task instead of one per column, since each is a row written
   * and deleted with the task. The child comes first: Tasklist cuts the line to the width of its
   * list, and the child and her school are what an official knows a case by; the rest shows when
   * she unfolds the line.
   */
  private static final List<String> CASE_SUMMARY_PARTS = List.of("studentName", "schoolName", "villageName", "caseNumber");

  /** The task-local variables this listener writes; they stay out of the history (LeanFullHistory). */
  static final Set<String> TASK_COPIES = Set.of(CASE_SUMMARY);

  private final DropoutCaseRepository cases;

  public CaseSummaryListener(DropoutCaseRepository cases) {
    this.cases = cases;
  }

  @Override
  public void notify(DelegateTask task) {
    Object caseId = task.getVariable("caseId");
    if (!(caseId instanceof Number id)) {
      return;
    }
    cases.findById(id.longValue()).ifPresent(dropoutCase -> {
      DelegateExecution processInstance = task.getExecution().getProcessInstance();
      setIfChanged(processInstance, CURRENT_RUNG, dropoutCase.getRung() == null ? "尚未劝返" : dropoutCase.getRung().label());
      setIfChanged(processInstance, REPORTED_ON, dropoutCase.getReportedAt().toLocalDate().toString());
      task.setVariableLocal(CASE_SUMMARY, CASE_SUMMARY_PARTS.stream()
          .map(task::getVariable)
          .filter(Objects::nonNull)
          .map(Object::toString)
          .collect(Collectors.joining(CASE_SUMMARY_SEPARATOR)));
    });
  }

  /** Unchanged facts are not written again: each write is a row of the case's history. */
  private static void setIfChanged(DelegateExecution processInstance, String name, String value) {
    if (!value.equals(processInstance.getVariableLocal(name))) {
      processInstance.setVariableLocal(name, value);
    }
  }
}
