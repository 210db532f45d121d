package cn.baoxue.placement;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * The model's step “记录安置结果”: the committee's decision, as its task was completed (Tasklist,
 * the placement page or a script), recorded by {@link Placements#record}; a decision the rule
 * refuses rolls the completion back.
 */
@Component("placementRecorder")
class PlacementRecorder implements JavaDelegate {

  private final Placements placements;

  PlacementRecorder(Placements placements) {
    this.placements = placements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Authentication who = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String userId = who == null ? null : who.getUserId();
    List<String> groups = who == null || who.getGroupIds() == null ? List.of() : who.getGroupIds();
    placements.record(execution.getProcessInstanceId(), execution.getVariables(), userId, groups);
  }
}
