package cn.baoxue.workflow;

import static cn.baoxue.workflow.VariableText.of;

import cn.baoxue.cases.PersuasionRung;
import cn.baoxue.cases.PersuasionService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completing a rung of the persuasion ladder ({@code persuadeSchool}, {@code persuadeJoint},
 * {@code checkOrderCompliance}, {@code legalReferral}): the task id names the rung.
 */
@Component("persuasionListener")
public class PersuasionListener implements TaskListener {

  private final PersuasionService persuasion;

  public PersuasionListener(PersuasionService persuasion) {
    this.persuasion = persuasion;
  }

  @Override
  public void notify(DelegateTask task) {
    PersuasionRung rung =
        PersuasionRung.ofTask(task.getTaskDefinitionKey())
            .orElseThrow(() -> new IllegalStateException("Not a persuasion task: " + task.getTaskDefinitionKey()));
    persuasion.recordAttempt(Actor.stepOn(task), rung, of(task, "persuasionResult"), of(task, "persuasionNotes"));
  }
}
