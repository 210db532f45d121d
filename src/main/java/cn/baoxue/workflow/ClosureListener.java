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
 * {@code closureApproved}. On creation (current model only) the last round's decision and reason are cleared.
 */
@Component("closureListener")
public class ClosureListener implements TaskListener {

  private final ClosureService closure;

  public ClosureListener(ClosureService closure) {
    this.closure = closure;
  }

  @Override
  public void notify(DelegateTask task) {
    if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
      // A new round of approval (after a return) starts without the last round's decision and
      // reason, so that a completion sending none is asked for one instead of repeating the last.
      task.getExecution().removeVariable("closureDecision");
      task.getExecution().removeVariable("closureApproved");
      task.getExecution().removeVariable("closureComment");
      return;
    }
    // What this completion sent decides: on the previous release's model nothing clears the last
    // round's variables, so a stored value may be a round old. Resent unchanged, either is as good.
    String decision;
    String legacyApproved = null;
    if (RoutingVariablesGuard.writtenNow(task, "closureDecision")) {
      decision = of(task, "closureDecision");
    } else if (RoutingVariablesGuard.writtenNow(task, "closureApproved")) {
      decision = null;
      legacyApproved = of(task, "closureApproved");
    } else {
      decision = of(task, "closureDecision");
      legacyApproved = decision == null ? of(task, "closureApproved") : null;
    }
    ClosureDecision taken = closure.review(Actor.stepOn(task), decision, legacyApproved, of(task, "closureComment"));
    task.setVariable("closureDecision", taken.name());
    task.setVariable("closureApproved", taken == ClosureDecision.APPROVE);
  }
}
