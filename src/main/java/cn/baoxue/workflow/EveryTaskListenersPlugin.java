package cn.baoxue.workflow;

import cn.baoxue.security.ClaimForSelfOnly;
import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Adds the listeners that every user task of every model needs — the notification of new work, the
 * case summary of its form, the rule that a claim is for oneself, the guard of the case's routing
 * variables on completion, and the withdrawal of its 督办 once it is done — so analysts need not
 * repeat them on each task and no new task can forget them.
 */
@Component
public class EveryTaskListenersPlugin extends AbstractProcessEnginePlugin {

  private final TaskNotificationListener listener;
  private final CaseSummaryListener caseSummary;
  private final ClaimForSelfOnly claimForSelfOnly;
  private final RoutingVariablesGuard routingVariablesGuard;
  private final SupervisionWithdrawalListener supervisionWithdrawal;

  public EveryTaskListenersPlugin(TaskNotificationListener listener, CaseSummaryListener caseSummary,
      ClaimForSelfOnly claimForSelfOnly, RoutingVariablesGuard routingVariablesGuard,
      SupervisionWithdrawalListener supervisionWithdrawal) {
    this.listener = listener;
    this.caseSummary = caseSummary;
    this.claimForSelfOnly = claimForSelfOnly;
    this.routingVariablesGuard = routingVariablesGuard;
    this.supervisionWithdrawal = supervisionWithdrawal;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        var taskDefinition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        // Built in, so it runs before the model's own completion listeners record anything.
        taskDefinition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, routingVariablesGuard);
        taskDefinition.addTaskListener(TaskListener.EVENTNAME_CREATE, caseSummary);
        taskDefinition.addTaskListener(TaskListener.EVENTNAME_CREATE, listener);
        taskDefinition.addTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, claimForSelfOnly);
        taskDefinition.addTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, listener);
        taskDefinition.addTaskListener(TaskListener.EVENTNAME_COMPLETE, supervisionWithdrawal);
        taskDefinition.addTaskListener(TaskListener.EVENTNAME_DELETE, supervisionWithdrawal);
      }
    });
  }
}
