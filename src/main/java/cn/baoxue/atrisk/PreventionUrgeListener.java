package cn.baoxue.atrisk;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** {@code urgePreventionReview} completed: the township's urging recorded on the plan. */
@Component("preventionUrgeListener")
class PreventionUrgeListener implements TaskListener {

  private final PreventionPlans plans;

  PreventionUrgeListener(PreventionPlans plans) {
    this.plans = plans;
  }

  @Override
  public void notify(DelegateTask task) {
    plans.recordUrging(((Number) task.getVariable(PreventionPlans.PLAN_ID)).longValue(), PreventionPlanListener.text(task, "urgeNote"),
        PreventionPlanListener.actor(task));
  }
}
