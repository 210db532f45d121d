package cn.baoxue.escalation;

import cn.baoxue.kernel.time.BeijingTime;
import cn.baoxue.kernel.process.ProcessKeys;
import cn.baoxue.notifications.Notifications;
import cn.baoxue.org.Roles;
import cn.baoxue.security.WithoutEngineAuthorization;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 逾期督办: a task past its due date goes to the next superior of the case (township, then county),
 * rises in priority, is recorded, and the superior gets a 督办 task to act on it.
 */
@Service
public class EscalationService {

  static final String SUPERVISION_PROCESS = ProcessKeys.SUPERVISION;
  /** The message of supervision.bpmn's boundary event 逾期任务已办结. */
  static final String OVERDUE_TASK_ENDED = "overdueTaskEnded";
  private static final int[] PRIORITY_BY_LEVEL = {50, 80, 100};

  private final EscalationRepository escalations;
  private final RuntimeService runtimeService;
  private final Notifications notifications;
  private final ApplicationEventPublisher events;
  private final WithoutEngineAuthorization withoutEngineAuthorization;
  private final Roles roles;

  EscalationService(
      EscalationRepository escalations,
      RuntimeService runtimeService,
      Notifications notifications,
      ApplicationEventPublisher events,
      WithoutEngineAuthorization withoutEngineAuthorization,
      Roles roles) {
    this.roles = roles;
    this.escalations = escalations;
    this.runtimeService = runtimeService;
    this.notifications = notifications;
    this.events = events;
    this.withoutEngineAuthorization = withoutEngineAuthorization;
  }

  /** What the caller applies to the task: the superior to add as candidate (if any), the new priority. */
  public record Decision(int level, String superiorGroup, int priority) {}

  @Transactional
  public Decision escalate(OverdueTask task, Map<String, Object> caseSummary) {
    int level = (int) escalations.countByTaskId(task.taskId()) + 1;
    List<String> superiors = task.superiors();
    String superiorGroup = level <= superiors.size() ? superiors.get(level - 1) : null;
    LocalDateTime now = BeijingTime.now();
    int daysLate = (int) Math.max(0, Duration.between(task.dueAt(), now).toDays());
    Escalation escalation = escalations.save(new Escalation(task, level, superiorGroup, now, daysLate));
    if (superiorGroup != null) {
      escalation.supervisedBy(startSupervision(task, escalation, caseSummary).getId());
      notifications.escalated(superiorGroup, task.caseNumber(), task.taskId(),
          "案件 %s 的“%s”已逾期%d天，已提交您督办".formatted(task.caseNumber(), task.taskName(), daysLate));
    }
    events.publishEvent(new EscalationRecorded(escalation));
    return new Decision(level, superiorGroup, PRIORITY_BY_LEVEL[Math.min(level, PRIORITY_BY_LEVEL.length - 1)]);
  }

  /**
   * The 督办 process finds its escalation by the link written below (supervisedBy), so it carries
   * no escalation id a client could change.
   */
  private ProcessInstance startSupervision(OverdueTask task, Escalation escalation, Map<String, Object> caseSummary) {
    Map<String, Object> variables = new HashMap<>(caseSummary);
    variables.put("escalationLevel", escalation.getLevel());
    variables.put("supervisorGroup", escalation.getToGroup());
    variables.put("overdueTaskId", task.taskId());
    variables.put("overdueTaskName", task.taskName());
    variables.put("overdueResponsible", roles.responsible(task.responsible()));
    variables.put("overdueDueDate", task.dueAt().toLocalDate().toString());
    variables.put("daysLate", escalation.getDaysLate());
    return runtimeService.createProcessInstanceByKey(SUPERVISION_PROCESS)
        .businessKey(task.caseNumber())
        .setVariables(variables)
        .execute();
  }

  /**
   * The overdue task is done, or ended with its case: its 督办 tasks still open are withdrawn, so no
   * superior is left with a task that has nothing to act on. Those already acted on stay as they are.
   */
  @Transactional
  public void withdrawSupervision(String overdueTaskId) {
    for (Escalation escalation : escalations.findByTaskIdAndSupervisionProcessIdNotNull(overdueTaskId)) {
      // The one who finished the task may not see her superior's 督办; the withdrawal is the system's.
      withoutEngineAuthorization.run(() -> runtimeService.createMessageCorrelation(OVERDUE_TASK_ENDED)
          .processInstanceId(escalation.getSupervisionProcessId())
          .correlateAll());
    }
  }
}
