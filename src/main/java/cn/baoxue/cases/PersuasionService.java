package cn.baoxue.cases;

import cn.baoxue.kernel.validation.Inputs;
import cn.baoxue.calendar.WorkingDayCalendar;
import java.time.LocalDate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 劝返: each rung of the ladder worked, and the township's written order (责令限期复学通知书). */
@Service
public class PersuasionService {

  private final DropoutCaseRepository cases;
  private final PersuasionAttemptRepository attempts;
  private final ReturnOrderRepository orders;
  private final WorkingDayCalendar calendar;

  PersuasionService(DropoutCaseRepository cases, PersuasionAttemptRepository attempts, ReturnOrderRepository orders,
      WorkingDayCalendar calendar) {
    this.cases = cases;
    this.attempts = attempts;
    this.orders = orders;
    this.calendar = calendar;
  }

  @Transactional
  public PersuasionResult recordAttempt(Long caseId, PersuasionRung rung, String result, String notes, String actor) {
    Inputs in = new Inputs();
    PersuasionResult outcome = in.code("persuasionResult", PersuasionResult.class, result, "劝返结果");
    String attemptNotes = in.notes("persuasionNotes", notes, "劝返情况", false);
    in.check();
    DropoutCase dropoutCase = cases.requireOpen(caseId);
    dropoutCase.reachRung(rung, outcome);
    attempts.save(new PersuasionAttempt(dropoutCase, actor, rung, outcome, attemptNotes));
    return outcome;
  }

  /**
   * Records the written order with its deadline and the outcome of serving it. Validated as a
   * whole before anything is written.
   */
  @Transactional
  public ReturnOrder issueOrder(Long caseId, String deadline, String result, String notes, String actor) {
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
    recordAttempt(caseId, PersuasionRung.RETURN_ORDER, result, notes, actor);
    DropoutCase dropoutCase = cases.requireOpen(caseId);
    return orders.save(new ReturnOrder(dropoutCase, actor, dropoutCase.getTownshipCode(), orderDeadline));
  }
}
