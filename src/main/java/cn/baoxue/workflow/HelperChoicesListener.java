package cn.baoxue.workflow;

import cn.baoxue.kernel.identity.GroupIds;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Creating {@code assignHelpers}: the form's pickers offer only people of the case's jurisdiction —
 * teachers of its school, cadres of its village, the county's women's federation. The completion
 * listener still checks whatever is submitted.
 */
@Component("helperChoicesListener")
public class HelperChoicesListener implements TaskListener {

  static final String TEACHER_CHOICES = "teacherHelperChoices";
  static final String CADRE_CHOICES = "cadreHelperChoices";
  static final String WOMENFED_CHOICES = "womenfedHelperChoices";
  /** The form's option lists, task-local and kept out of the history (LeanFullHistory). */
  static final Set<String> CHOICES = Set.of(TEACHER_CHOICES, CADRE_CHOICES, WOMENFED_CHOICES);

  private final PeopleChoices people;

  HelperChoicesListener(PeopleChoices people) {
    this.people = people;
  }

  @Override
  public void notify(DelegateTask task) {
    task.setVariableLocal(TEACHER_CHOICES, people.membersOf((String) task.getVariable("schoolGroup")));
    task.setVariableLocal(CADRE_CHOICES, people.membersOf((String) task.getVariable("villageGroup")));
    String county = (String) task.getVariable("countyCode");
    task.setVariableLocal(WOMENFED_CHOICES, people.membersOf(GroupIds.womenFederation(county)));
  }
}
