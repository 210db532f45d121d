package cn.baoxue.cases;

import cn.baoxue.kernel.validation.Inputs;
import cn.baoxue.calendar.WorkingDayCalendar;
import java.time.LocalDate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 劝返: each rung of the ladder worked, and the township's written order (责令限期复学通知书). */
@Service
public class PersuasionService {

  private final CaseOfProcess caseOfProcess;
  private final PersuasionAttemptRepository attempts;
  private final ReturnOrderRepository orders;
  private final WorkingDayCalendar calendar;

  PersuasionService(CaseOfProcess caseOfProcess, PersuasionAttemptRepository attempts, ReturnOrderRepository orders,
      WorkingDayCalendar calendar) {
    this.caseOfProcess = caseOfProcess;
    this.attempts = attempts;
    this.orders = orders;
    this.calendar = calendar;
  }

  @Transactional
  public PersuasionResult recordAttempt(CaseStep step, PersuasionRung rung, String result, String notes) {
    return recordAttempt(caseOfProcess.requireOpen(step), step.actor(), rung, result, notes);
  }

  private PersuasionResult recordAttempt(DropoutCase dropoutCase, String actor, PersuasionRung rung, String result,
      String notes) {
    Inputs in = new Inputs();
    PersuasionResult outcome = in.code("persuasionResult", PersuasionResult.class, result, "劝返结果");
    String attemptNotes = in.notes("persuasionNotes", notes, "劝返情况", false);
    in.check();
    dropoutCase.reachRung(rung, outcome);
    attempts.save(new PersuasionAttempt(dropoutCase, actor, rung, outcome, attemptNotes));
    return outcome;
  }

  /**
   * Records the written order with its deadline and the outcome of serving it. Validated as a
   * whole before anything is written.
   */
  @Transactional
  public ReturnOrder issueOrder(CaseStep step, String deadline, String result, String notes) {
    DropoutCase dropoutCase = caseOfProcess.requireOpen(step);
    Inputs in = new Inputs();
    LocalDate orderDeadline = in.date("orderDeadline", deadline, "限期复学日期");
    if (orderDeadline != null && !orderDeadline.isAfter(calendar.today())) {
      in.problem("orderDeadline", "限期复学日期须晚于今天");
    }
    if (orderDeadline != null && orderDeadline.isAfter(calendar.today().plusMonths(3))) {
      in.problem("orderDeadline", "限期复学日期不能超过三个月");
    }
    in.code("persuasionResult", PersuasionResult.class, result, "送达后结果");
    in.check();
    recordAttempt(dropoutCase, step.actor(), PersuasionRung.RETURN_ORDER, result, notes);
    return orders.save(new ReturnOrder(dropoutCase, step.actor(), dropoutCase.getTownshipCode(), orderDeadline));
  }
}
