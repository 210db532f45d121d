package cn.baoxue.notifications;

import cn.baoxue.calendar.WorkingDayCalendar;
import java.util.Date;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Reminds whoever holds a task one working day before it falls due. */
@Component
class DeadlineReminders {

  private final TaskService taskService;
  private final WorkingDayCalendar calendar;
  private final Notifications notifications;

  DeadlineReminders(TaskService taskService, WorkingDayCalendar calendar, Notifications notifications) {
    this.taskService = taskService;
    this.calendar = calendar;
    this.notifications = notifications;
  }

  @Scheduled(fixedDelayString = "${baoxue.notifications.remind-every:PT1H}")
  public void remind() {
    Date now = ClockUtil.getCurrentTime();
    // Due by the end of the next working day, that moment included.
    Date soon = new Date(calendar.workingDays(1).getTime() + 1);
    for (Task task : taskService.createTaskQuery().active().dueAfter(now).dueBefore(soon).list()) {
      String caseNumber = (String) taskService.getVariable(task.getId(), "caseNumber");
      String message = caseNumber == null ? "“%s”将于明天到期，请及时办理".formatted(task.getName())
          : "案件 %s 的“%s”将于明天到期，请及时办理".formatted(caseNumber, task.getName());
      if (task.getAssignee() != null) {
        notifications.deadlineApproaching(task.getAssignee(), caseNumber, task.getId(), message);
      } else {
        for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
          // Its candidate groups, and the people it is offered to by name (both helpers of 入户家访).
          if ("candidate".equals(link.getType()) && (link.getGroupId() != null || link.getUserId() != null)) {
            String recipient = link.getGroupId() != null ? link.getGroupId() : link.getUserId();
            notifications.deadlineApproaching(recipient, caseNumber, task.getId(), message);
          }
        }
      }
    }
  }
}
