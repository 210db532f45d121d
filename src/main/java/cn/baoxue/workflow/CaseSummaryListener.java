package cn.baoxue.workflow;

import cn.baoxue.cases.CaseOfProcess;
import cn.baoxue.cases.DropoutCase;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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

  /** What a 督办 process carries, set by the escalation that started it (EscalationService). */
  private static final String OVERDUE_TASK = "overdueTaskId";

  /** The task-local variables this listener writes; they stay out of the history (LeanFullHistory). */
  static final Set<String> TASK_COPIES = Set.of(CASE_SUMMARY);

  private final CaseOfProcess caseOfProcess;

  public CaseSummaryListener(CaseOfProcess caseOfProcess) {
    this.caseOfProcess = caseOfProcess;
  }

  @Override
  public void notify(DelegateTask task) {
    // The case of this process instance (its intake's link); a 督办 carries its case's facts,
    // copied from the case when the escalation started it (EscalationListener).
    Optional<DropoutCase> ownCase = caseOfProcess.find(task.getProcessInstanceId());
    boolean supervision = ownCase.isEmpty() && task.getVariable(OVERDUE_TASK) != null;
    if (ownCase.isEmpty() && !supervision) {
      return;
    }
    ownCase.ifPresent(dropoutCase -> {
      DelegateExecution processInstance = task.getExecution().getProcessInstance();
      facts(dropoutCase).forEach((name, value) -> setIfChanged(processInstance, name, value));
    });
    task.setVariableLocal(CASE_SUMMARY, summaryLine(task::getVariable));
  }

  /** The list line of a task, from the variables it sees (also rewritten when its case moves county, 跨县移交). */
  static String summaryLine(java.util.function.Function<String, Object> variables) {
    return CASE_SUMMARY_PARTS.stream()
        .map(variables)
        .filter(Objects::nonNull)
        .map(Object::toString)
        .collect(Collectors.joining(CASE_SUMMARY_SEPARATOR));
  }

  /** The form's facts of a case: the rung of the persuasion ladder reached and the day it was reported. */
  static Map<String, Object> facts(DropoutCase dropoutCase) {
    return Map.of(
        CURRENT_RUNG, dropoutCase.getRung() == null ? "尚未劝返" : dropoutCase.getRung().label(),
        REPORTED_ON, dropoutCase.getReportedAt().toLocalDate().toString());
  }

  /** Unchanged facts are not written again: each write is a row of the case's history. */
  private static void setIfChanged(DelegateExecution processInstance, String name, Object value) {
    if (!value.equals(processInstance.getVariableLocal(name))) {
      processInstance.setVariableLocal(name, value);
    }
  }
}
