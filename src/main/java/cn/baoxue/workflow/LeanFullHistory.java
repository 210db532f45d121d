package cn.baoxue.workflow;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevelFull;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.jobexecutor.TimerTaskListenerJobHandler;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.springframework.stereotype.Component;

/**
 * Camunda's full history, less two kinds of rows that record nothing that happened to a case:
 *
 * <ul>
 *   <li>the task-local variables Baoxue derives for display — the case's line in Tasklist's list
 *       ({@link CaseSummaryListener}), the people a helper may be chosen from
 *       ({@link HelperChoicesListener}) or a 督办 may reassign to ({@link ReassignChoicesListener}),
 *       and the case's records a form shows ({@link CaseRecordsListener}); the facts they are made of are in the case's process
 *       variables and in Baoxue's tables;
 *   <li>the creation and deletion of the escalation timer every task carries: every task's timer
 *       is created with it and, unless the task runs late, deleted when it is done. A timer that
 *       fires is kept (success or failure), and so is Baoxue's own record of the escalation.
 * </ul>
 *
 * <p>Each of them cost the engine a history row or two per task and a lookup of the job's
 * definition — the largest part of Baoxue's cost over the bare engine after its own variables
 * (LifecycleBenchmark, docs/benchmarks.md). The level keeps the id and name of "full", so the
 * database's recorded level and every check of the engine and the webapps for full history are
 * unchanged.
 */
@Component
public class LeanFullHistory extends AbstractProcessEnginePlugin {

  static final Set<String> DERIVED_TASK_VARIABLES = Stream.of(
          CaseSummaryListener.TASK_COPIES, HelperChoicesListener.CHOICES, ReassignChoicesListener.CHOICES,
          DeliveryTeacherChoicesListener.CHOICES,
          CaseRecordsListener.RECORDS)
      .flatMap(Set::stream)
      .collect(Collectors.toUnmodifiableSet());

  /** After the engine resolved the configured level by name: full becomes the lean full. */
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (HistoryLevel.HISTORY_LEVEL_FULL.equals(configuration.getHistoryLevel())) {
      configuration.setHistoryLevel(new Level());
    }
  }

  static final class Level extends HistoryLevelFull {

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
      if (entity instanceof VariableInstance variable
          && variable.getTaskId() != null
          && DERIVED_TASK_VARIABLES.contains(variable.getName())) {
        return false;
      }
      if (entity instanceof JobEntity job
          && TimerTaskListenerJobHandler.TYPE.equals(job.getJobHandlerType())
          && (eventType == HistoryEventTypes.JOB_CREATE || eventType == HistoryEventTypes.JOB_DELETE)) {
        return false;
      }
      return super.isHistoryEventProduced(eventType, entity);
    }
  }
}
