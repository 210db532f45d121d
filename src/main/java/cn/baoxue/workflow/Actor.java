package cn.baoxue.workflow;

import cn.baoxue.cases.CaseStep;
import cn.baoxue.kernel.identity.Jurisdiction;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ProcessEngineServicesAware;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** The logged-in user on whose behalf the engine runs this step; null when the system acts. */
record Actor(String userId, List<String> groupIds) {

  static Actor of(ProcessEngineServicesAware scope) {
    Authentication authentication = scope.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      return new Actor(null, List.of());
    }
    List<String> groups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
    return new Actor(authentication.getUserId(), groups);
  }

  /**
   * The step this task records, by whom: the case is the one of the task's process instance
   * (CaseOfProcess), never one named by a variable.
   */
  static CaseStep stepOn(DelegateTask task) {
    Actor actor = of(task);
    return new CaseStep(task.getProcessInstanceId(), actor.userId(), Jurisdiction.ofGroups(actor.groupIds()));
  }
}
