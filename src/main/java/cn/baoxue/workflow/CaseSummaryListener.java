package cn.baoxue.workflow;

import cn.baoxue.cases.DropoutCase;
import cn.baoxue.cases.DropoutCaseRepository;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Gives each new task of a case what its form's summary and Tasklist's list columns show: the rung
 * of the persuasion ladder reached, the days the case has been open, and copies of the case number,
 * student and school. Task-local, so they read as of the day the task was created and are not
 * written back to the case.
 */
@Component
public class CaseSummaryListener implements TaskListener {

  private static final String CURRENT_RUNG = "currentRung";
  private static final String DAYS_OPEN = "daysOpen";

  /** The task-local variables this listener writes; they stay out of the history (TaskCopiesOutOfHistory). */
  static final Set<String> TASK_COPIES = Stream.concat(Stream.of(CURRENT_RUNG, DAYS_OPEN), TasklistFilters.CASE_COLUMNS.stream())
      .collect(Collectors.toUnmodifiableSet());

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
      task.setVariableLocal(CURRENT_RUNG, dropoutCase.getRung() == null ? "尚未劝返" : dropoutCase.getRung().label());
      task.setVariableLocal(DAYS_OPEN, daysOpen(dropoutCase));
      // Tasklist's list shows the filter's columns from variables the user may read: those of her
      // tasks, not of the whole process instance.
      for (String column : TasklistFilters.CASE_COLUMNS) {
        task.setVariableLocal(column, task.getVariable(column));
      }
    });
  }

  private static long daysOpen(DropoutCase dropoutCase) {
    LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
    return ChronoUnit.DAYS.between(dropoutCase.getReportedAt().toLocalDate(), today);
  }
}
