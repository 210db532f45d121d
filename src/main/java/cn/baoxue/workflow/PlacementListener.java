package cn.baoxue.workflow;

import cn.baoxue.kernel.time.BeijingTime;
import static cn.baoxue.workflow.VariableText.of;

import cn.baoxue.cases.FollowUpService;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Completing {@code planPlacement}: records the plan (一人一案) and sets {@code followUpUntil},
 * the end of the follow-up period after which the township may approve closing.
 */
@Component("placementListener")
public class PlacementListener implements TaskListener {

  private final FollowUpService followUps;
  private final FollowUpPolicy policy;

  public PlacementListener(FollowUpService followUps, FollowUpPolicy policy) {
    this.followUps = followUps;
    this.policy = policy;
  }

  @Override
  public void notify(DelegateTask task) {
    followUps.planPlacement(Actor.stepOn(task), of(task, "placement"), of(task, "placementPlan"));
    // The engine's clock, so that the model's now() and this date agree, also in tests.
    Date until =
        Date.from(ClockUtil.getCurrentTime().toInstant().atZone(BeijingTime.zone()).plus(policy.getPeriod()).toInstant());
    task.setVariable("followUpUntil", until);
  }
}
