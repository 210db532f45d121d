package cn.baoxue.workflow;

import static cn.baoxue.workflow.VariableText.of;

import cn.baoxue.cases.ClosureDecision;
import cn.baoxue.cases.ClosureService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completing {@code approveClosure}: records the township's explicit decision and its reason.
 * The form submits {@code closureDecision} ({@code APPROVE}/{@code RETURN}); tasks opened before
 * issue 16 still show the old form and send the checkbox {@code closureApproved}, which is read
 * as before (unchecked: back to follow-up). Both variables are set to the decision taken, since
 * the gateway of the current model reads {@code closureDecision} and that of earlier versions
 * {@code closureApproved}.
 */
@Component("closureListener")
public class ClosureListener implements TaskListener {

  private final ClosureService closure;

  public ClosureListener(ClosureService closure) {
    this.closure = closure;
  }

  @Override
  public void notify(DelegateTask task) {
    String decision = of(task, "closureDecision");
    String legacyApproved = decision == null ? of(task, "closureApproved") : null;
    ClosureDecision taken = closure.review(Actor.stepOn(task), decision, legacyApproved, of(task, "closureComment"));
    task.setVariable("closureDecision", taken.name());
    task.setVariable("closureApproved", taken == ClosureDecision.APPROVE);
  }
}
