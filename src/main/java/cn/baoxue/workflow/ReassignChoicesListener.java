package cn.baoxue.workflow;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Creating a 督办 task: the superior reassigns the overdue task by choosing a person by name from
 * those who work the case's school, village, township and county (the groups the escalation copied
 * onto the 督办 process). {@code SupervisionService} still checks whatever is submitted.
 */
@Component("reassignChoicesListener")
public class ReassignChoicesListener implements TaskListener {

  static final String REASSIGN_CHOICES = "newAssigneeChoices";
  /** Task-local and kept out of the history (LeanFullHistory), like the helpers' choices. */
  static final Set<String> CHOICES = Set.of(REASSIGN_CHOICES);
  /** Set on the 督办 of a referral's task (ReferralEscalationListener): its work stays within that department. */
  static final String DEPARTMENT_GROUP = "departmentGroup";
  private static final List<String> CASE_GROUPS = List.of("schoolGroup", "villageGroup", "townshipGroup", "countyGroup");

  private final PeopleChoices people;

  ReassignChoicesListener(PeopleChoices people) {
    this.people = people;
  }

  @Override
  public void notify(DelegateTask task) {
    if (task.getVariable(DEPARTMENT_GROUP) instanceof String department) {
      task.setVariableLocal(REASSIGN_CHOICES, people.membersOf(department));
      return;
    }
    task.setVariableLocal(REASSIGN_CHOICES, people.membersOf(CASE_GROUPS.stream()
        .map(name -> (String) task.getVariable(name))
        .toArray(String[]::new)));
  }
}
