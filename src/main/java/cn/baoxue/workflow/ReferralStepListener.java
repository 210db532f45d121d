package cn.baoxue.workflow;

import cn.baoxue.referral.Referrals;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completing a task of {@code referral.bpmn}: only after the referral page recorded the department's
 * answer or its closing; a completion through the engine's API is refused.
 */
@Component("referralStepListener")
public class ReferralStepListener implements TaskListener {

  private final Referrals referrals;

  public ReferralStepListener(Referrals referrals) {
    this.referrals = referrals;
  }

  @Override
  public void notify(DelegateTask task) {
    referrals.requireRecorded(task.getProcessInstanceId(), task.getTaskDefinitionKey());
  }
}
