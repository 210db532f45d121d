package cn.baoxue.workflow;

import static cn.baoxue.workflow.VariableText.of;

import cn.baoxue.cases.VerificationService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completing {@code verify}: records the school's finding. */
@Component("verificationListener")
public class VerificationListener implements TaskListener {

  private final VerificationService verification;

  public VerificationListener(VerificationService verification) {
    this.verification = verification;
  }

  @Override
  public void notify(DelegateTask task) {
    verification.verify(
        Actor.stepOn(task), of(task, "verifyResult"), of(task, "notDropoutReason"), of(task, "verifyNotes"));
  }
}
