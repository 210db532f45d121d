package cn.baoxue.workflow;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevelFull;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.springframework.stereotype.Component;

/**
 * Camunda's full history, less the copies of case facts that {@link CaseSummaryListener} gives
 * every task for Tasklist's columns and form headers.
 *
 * <p>Six copies per task were more than half of the variables a case writes, and each one cost a
 * runtime row plus two history rows (ACT_HI_VARINST, ACT_HI_DETAIL) — the largest part of
 * Baoxue's cost over the bare engine (LifecycleBenchmark, docs/benchmarks.md). The history keeps
 * nothing an auditor needs from them: the originals are in the case's process variables and in
 * Baoxue's tables. The level keeps the id and name of "full", so the database's recorded level and
 * every check of the engine and the webapps for full history are unchanged.
 */
@Component
public class TaskCopiesOutOfHistory extends AbstractProcessEnginePlugin {

  /** After the engine resolved the configured level by name: full becomes full without the copies. */
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (HistoryLevel.HISTORY_LEVEL_FULL.equals(configuration.getHistoryLevel())) {
      configuration.setHistoryLevel(new FullWithoutTaskCopies());
    }
  }

  static final class FullWithoutTaskCopies extends HistoryLevelFull {

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
      if (entity instanceof VariableInstance variable
          && variable.getTaskId() != null
          && CaseSummaryListener.TASK_COPIES.contains(variable.getName())) {
        return false;
      }
      return super.isHistoryEventProduced(eventType, entity);
    }
  }
}
