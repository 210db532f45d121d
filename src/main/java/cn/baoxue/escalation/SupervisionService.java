package cn.baoxue.escalation;

import cn.baoxue.kernel.time.BeijingTime;
import cn.baoxue.calendar.WorkingDayCalendar;

import cn.baoxue.kernel.validation.InvalidCaseInputException;
import cn.baoxue.kernel.validation.Inputs;
import cn.baoxue.cases.CaseOfProcess;
import cn.baoxue.cases.CaseStep;
import cn.baoxue.cases.DropoutCase;
import cn.baoxue.cases.DropoutCaseRepository;
import cn.baoxue.kernel.identity.GroupIds;
import cn.baoxue.org.StaffDirectory;
import cn.baoxue.security.WithoutEngineAuthorization;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Carries out the superior's decision on an overdue task: reassign it within the case's
 * jurisdiction, extend its deadline with a reason, or take it over. The superior's authority
 * comes from the escalation, so the engine's per-task grants are not asked again.
 */
@Service
public class SupervisionService {

  private final EscalationRepository escalations;
  private final DropoutCaseRepository cases;
  private final CaseOfProcess caseOfProcess;
  private final SupervisionActionRepository actions;
  private final TaskService taskService;
  private final ManagementService managementService;
  private final StaffDirectory staff;
  private final WorkingDayCalendar calendar;
  private final WithoutEngineAuthorization withoutEngineAuthorization;

  SupervisionService(
      EscalationRepository escalations,
      DropoutCaseRepository cases,
      CaseOfProcess caseOfProcess,
      SupervisionActionRepository actions,
      TaskService taskService,
      ManagementService managementService,
      StaffDirectory staff,
      WorkingDayCalendar calendar,
      WithoutEngineAuthorization withoutEngineAuthorization) {
    this.escalations = escalations;
    this.cases = cases;
    this.caseOfProcess = caseOfProcess;
    this.actions = actions;
    this.taskService = taskService;
    this.managementService = managementService;
    this.staff = staff;
    this.calendar = calendar;
    this.withoutEngineAuthorization = withoutEngineAuthorization;
  }

  /** The superior's decision as the 督办 form submits it. */
  public record Decision(String action, String newAssignee, String newDueDate, String reason) {}

  /**
   * @param step the 督办 process and who acts in it: the escalation is the one this process was
   *     started for (never one a variable names), and the superior must answer for its case
   * @return false when the overdue task was finished meanwhile and nothing was left to do
   */
  @Transactional
  public boolean apply(CaseStep step, Decision decision) {
    Escalation escalation = escalations.findBySupervisionProcessId(step.processInstanceId())
        .orElseThrow(() -> new InvalidCaseInputException("该督办流程没有对应的逾期督办记录，不能办理（流程 " + step.processInstanceId() + "）"));
    DropoutCase dropoutCase = cases.findById(escalation.getCaseId()).orElseThrow();
    caseOfProcess.requireWithinJurisdiction(dropoutCase, step);
    // A reassigned task stays with someone who works this case's school, village, township or county;
    // a department's referral task (联控联保) with someone of that department.
    List<String> departmentGroups = withoutEngineAuthorization.call(() -> departmentGroupsOf(escalation.getTaskId()));
    List<String> caseGroups = !departmentGroups.isEmpty() ? departmentGroups
        : List.of(dropoutCase.schoolGroup(), GroupIds.village(dropoutCase.getVillageCode()),
            GroupIds.township(dropoutCase.getTownshipCode()), GroupIds.county(dropoutCase.getCountyCode()));
    String actor = step.actor();
    Inputs in = new Inputs();
    SupervisionAction.Kind kind = kind(decision.action(), in);
    String assignee = null;
    LocalDate newDue = null;
    String reason = in.notes("supervisionNotes", decision.reason(), "说明", kind == SupervisionAction.Kind.EXTEND);
    if (kind == SupervisionAction.Kind.REASSIGN) {
      assignee = in.text("newAssignee", decision.newAssignee(), "改派给", true, 64);
      if (assignee != null && caseGroups.stream().noneMatch(group -> staff.isMember(decision.newAssignee().trim(), group))) {
        in.problem("newAssignee", "“" + staff.fullName(assignee) + "”" + (departmentGroups.isEmpty()
            ? "不是本案所在学校、村、乡镇或县的工作人员，不能改派" : "不是该部门的工作人员，转介只能改派给本部门的人"));
      }
    } else if (kind == SupervisionAction.Kind.EXTEND) {
      newDue = in.date("newDueDate", decision.newDueDate(), "新的办理期限");
      if (newDue != null && !newDue.isAfter(calendar.today())) {
        in.problem("newDueDate", "新的办理期限须晚于今天");
      }
    } else if (kind == SupervisionAction.Kind.TAKE_OVER && actor == null) {
      in.problem("supervisionAction", "接手办理须由登录用户操作");
    } else if (kind == SupervisionAction.Kind.TAKE_OVER && !departmentGroups.isEmpty()) {
      in.problem("supervisionAction", "联控联保转介须由接收部门办理，不能由教育局接手：请延期或改派给该部门的其他工作人员");
    }
    in.check();

    Task overdue = withoutEngineAuthorization.call(
        () -> taskService.createTaskQuery().taskId(escalation.getTaskId()).singleResult());
    if (overdue == null) {
      return false;
    }
    LocalDateTime newDueAt = null;
    switch (kind) {
      case REASSIGN -> reassign(overdue, assignee);
      case TAKE_OVER -> reassign(overdue, actor);
      case EXTEND -> newDueAt = extend(overdue, calendar.endOfWorkingDay(newDue));
    }
    actions.save(new SupervisionAction(escalation, kind, kind == SupervisionAction.Kind.TAKE_OVER ? actor : assignee,
        newDueAt, reason, actor));
    return true;
  }

  /** The department groups an open task is offered to: those of a referral (联控联保); none for a case's own task. */
  private List<String> departmentGroupsOf(String taskId) {
    if (taskService.createTaskQuery().taskId(taskId).count() == 0) {
      return List.of();
    }
    return taskService.getIdentityLinksForTask(taskId).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId)
        .filter(group -> GroupIds.kindOf(group) == GroupIds.Kind.DEPARTMENT)
        .toList();
  }

  private static SupervisionAction.Kind kind(String raw, Inputs in) {
    if (Inputs.trim(raw) == null) {
      in.problem("supervisionAction", "请选择督办措施");
      return null;
    }
    try {
      return SupervisionAction.Kind.valueOf(raw.trim());
    } catch (IllegalArgumentException e) {
      throw new InvalidCaseInputException("未知的督办措施：" + raw);
    }
  }

  private void reassign(Task overdue, String userId) {
    withoutEngineAuthorization.run(() -> taskService.setAssignee(overdue.getId(), userId));
  }

  /** Moves the due date and the escalation timer with it, so the next miss is counted from there. */
  private LocalDateTime extend(Task overdue, Date newDue) {
    withoutEngineAuthorization.run(() -> {
      taskService.setDueDate(overdue.getId(), newDue);
      for (Job timer : managementService.createJobQuery()
          .processInstanceId(overdue.getProcessInstanceId())
          .activityId(overdue.getTaskDefinitionKey())
          .timers()
          .list()) {
        managementService.setJobDuedate(timer.getId(), newDue);
      }
    });
    return BeijingTime.of(newDue);
  }
}
