package cn.baoxue.workflow;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Creating {@code assessPlacement} (残疾儿童安置): the form's 送教教师 picker offers only the staff of
 * the child's school and township. The model's step “记录安置结果” still checks whatever is submitted.
 */
@Component("deliveryTeacherChoicesListener")
public class DeliveryTeacherChoicesListener implements TaskListener {

  static final String TEACHER_CHOICES = "deliveryTeacherChoices";
  /** The form's option list, task-local. */
  static final Set<String> CHOICES = Set.of(TEACHER_CHOICES);

  private final PeopleChoices people;

  DeliveryTeacherChoicesListener(PeopleChoices people) {
    this.people = people;
  }

  @Override
  public void notify(DelegateTask task) {
    task.setVariableLocal(TEACHER_CHOICES,
        people.membersOf((String) task.getVariable("schoolGroup"), (String) task.getVariable("townshipGroup")));
  }
}
