package cn.baoxue.reports;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The summary's {@code atRisk} block (动摇生/家困生/学困生 台账), counted by {@link AtRiskFigures}.
 *
 * @param flagged flags raised in the range (by assessment time), whatever became of them
 * @param byReason for each reason that gave points to those flags ({@code atrisk.RiskMeasure}, special group or
 *     observation code): the flags it counted in and the points it gave
 * @param byCategory flags by register (WAVERING 动摇生, HARDSHIP 家困生, LEARNING 学困生): a flag counts once in each
 *     register it has points in
 * @param pending still waiting for the principal
 * @param confirmed confirmed by the principal (whatever their plan did since)
 * @param dismissed dismissed by the principal with a reason: false alarms
 * @param falseAlarmRate dismissed / (confirmed + dismissed), 0 when nothing is decided
 * @param plansOpened prevention plans started (one per confirmed flag)
 * @param plansLifted plans closed with the risk lifted
 * @param leftSchool plans whose pupil left school (a dropout case opened from the plan)
 */
public record AtRiskBlock(
    long flagged,
    Map<String, ReasonFigures> byReason,
    Map<String, Long> byCategory,
    long pending,
    long confirmed,
    long dismissed,
    BigDecimal falseAlarmRate,
    long plansOpened,
    long plansLifted,
    long leftSchool) {

  /** One reason's share: the flags it counted in, the points it gave them. */
  public record ReasonFigures(long flags, long points) {}
}
