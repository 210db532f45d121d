package cn.baoxue.atrisk;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** {@code reviewPreventionPlan} completed: the review recorded; its outcome routes the process. */
@Component("preventionReviewListener")
class PreventionReviewListener implements TaskListener {

  private final PreventionPlans plans;

  PreventionReviewListener(PreventionPlans plans) {
    this.plans = plans;
  }

  @Override
  public void notify(DelegateTask task) {
    PlanOutcome outcome = plans.recordReview(((Number) task.getVariable(PreventionPlans.PLAN_ID)).longValue(),
        PreventionPlanListener.text(task, "reviewOutcome"), PreventionPlanListener.text(task, "reviewNotes"), PreventionPlanListener.actor(task));
    task.getExecution().setVariable("reviewOutcome", outcome.name());
  }
}
