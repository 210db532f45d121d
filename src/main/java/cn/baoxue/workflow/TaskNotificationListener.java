package cn.baoxue.workflow;

import cn.baoxue.notifications.Notifications;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Tells people of new work: the assignee of a task, or its candidate groups and users when nobody
 * is assigned. A user claiming a task for herself is not told about it.
 */
@Component
public class TaskNotificationListener implements TaskListener {

  private final Notifications notifications;

  public TaskNotificationListener(Notifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public void notify(DelegateTask task) {
    String caseNumber = (String) task.getVariable("caseNumber");
    // A task of no case (a county's 季度复核 draw) is named by itself.
    String message = caseNumber == null ? "您有新的待办：“%s”".formatted(task.getName())
        : "您有新的待办：案件 %s “%s”".formatted(caseNumber, task.getName());
    String assignee = task.getAssignee();
    if (assignee != null && EVENTNAME_CREATE.equals(task.getEventName())) {
      return; // a task created with an assignee also fires "assignment", which tells her
    }
    if (assignee != null) {
      if (!assignee.equals(Actor.of(task).userId())) {
        notifications.assigned(assignee, caseNumber, task.getId(), message);
      }
    } else if (EVENTNAME_CREATE.equals(task.getEventName())) {
      // Its candidate groups, and the people it is offered to by name (both helpers of 入户家访).
      task.getCandidates().stream()
          .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
          .map(link -> link.getGroupId() != null ? link.getGroupId() : link.getUserId())
          .filter(java.util.Objects::nonNull)
          .sorted()
          .forEach(recipient -> notifications.assigned(recipient, caseNumber, task.getId(), message));
    }
  }
}
