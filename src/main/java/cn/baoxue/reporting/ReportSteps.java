package cn.baoxue.reporting;

import java.time.YearMonth;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The system steps of {@code report-cadence.bpmn} and {@code unit-report.bpmn}, named in the models:
 * thin, each reads what the engine gives it and calls {@link UnitReports}.
 */
@Component("reportSteps")
public class ReportSteps {

  private final UnitReports reports;
  private final boolean scheduled;

  ReportSteps(UnitReports reports, @Value("${baoxue.reporting.scheduled:true}") boolean scheduled) {
    this.reports = reports;
    this.scheduled = scheduled;
  }

  /** 开启报表: the reports of the level whose period ended with last month (0 when none ended). */
  public int openReports(DelegateExecution execution, String level) {
    YearMonth ended = reports.monthJustEnded();
    execution.setVariable("endedMonth", ended.toString());
    return scheduled ? reports.open(ReportLevel.valueOf(level), ended) : 0;
  }

  /** Whether last month ended the level's period (季末, 半年末, 年末). */
  public boolean periodEnded(String level) {
    YearMonth ended = reports.monthJustEnded();
    return ReportPeriod.containing(ReportLevel.valueOf(level).cadence(), ended).endsWith(ended);
  }

  /** The start of a report's process: only the opening may start one. */
  public void started(DelegateExecution execution) {
    reports.requireOpening(execution.getProcessBusinessKey());
  }

  /** Completing 填报: the submission is recorded, or the completion refused. */
  public void submit(DelegateTask task) {
    reports.submit(task.getProcessInstanceId(), task::getVariable, actor(task));
  }

  /** 记录逾期: the due date passed; returns the 催报 task's due date. */
  public void late(DelegateExecution execution) {
    execution.setVariable("urgeDueDate", reports.recordLate(execution.getProcessInstanceId()));
  }

  /** Completing 催报. */
  public void urged(DelegateTask task) {
    reports.recordUrge(task.getProcessInstanceId(), actor(task), task.getVariable("urgeNote"));
  }

  private static String actor(DelegateTask task) {
    Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (current != null && current.getUserId() != null) {
      return current.getUserId();
    }
    return task.getAssignee();
  }
}
