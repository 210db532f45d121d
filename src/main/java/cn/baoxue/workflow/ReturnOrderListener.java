package cn.baoxue.workflow;

import static cn.baoxue.workflow.VariableText.of;

import cn.baoxue.calendar.WorkingDayCalendar;
import cn.baoxue.cases.CaseStep;
import cn.baoxue.cases.PersuasionService;
import cn.baoxue.cases.ReturnOrder;
import cn.baoxue.documents.CaseDocument;
import cn.baoxue.documents.CaseDocuments;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Completing {@code issueReturnOrder}: records the order, issues the 责令限期复学通知书 (PDF) and sets
 * {@code complianceCheckDate}, the morning after the deadline, when the township checks whether
 * the child is back.
 */
@Component("returnOrderListener")
public class ReturnOrderListener implements TaskListener {

  private final PersuasionService persuasion;
  private final CaseDocuments documents;
  private final WorkingDayCalendar calendar;
  private final int complianceCheckHour;

  public ReturnOrderListener(
      PersuasionService persuasion,
      CaseDocuments documents,
      WorkingDayCalendar calendar,
      @Value("${baoxue.order.compliance-check-hour:8}") int complianceCheckHour) {
    this.persuasion = persuasion;
    this.documents = documents;
    this.calendar = calendar;
    this.complianceCheckHour = complianceCheckHour;
  }

  @Override
  public void notify(DelegateTask task) {
    CaseStep step = Actor.stepOn(task);
    ReturnOrder order =
        persuasion.issueOrder(step, of(task, "orderDeadline"), of(task, "persuasionResult"), of(task, "persuasionNotes"));
    CaseDocument notice = documents.issueReturnOrder(order, task.getId(), step.actor());
    task.setVariable("returnOrderDocumentId", notice.getId());
    // The township's morning, whatever the server's time zone.
    Date checkDate =
        Date.from(order.getDeadline().plusDays(1).atTime(complianceCheckHour, 0).atZone(calendar.zone()).toInstant());
    task.setVariable("complianceCheckDate", checkDate);
  }
}
