package cn.baoxue.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * The county's numbers, counted from its records at the moment of asking (人账相符). Every
 * breakdown is over the cases opened in the range, whatever their state now, and lists every code
 * (zero included) so that charts and spreadsheets have a stable shape.
 *
 * @param students registered children of the scope now
 * @param cases cases opened in the range
 * @param suspected of those, still open and not yet verified (疑似辍学)
 * @param confirmed of those, verified as dropouts (辍学, whatever happened since)
 * @param returned of the confirmed, back at school now (已劝返, 跟踪中, 已销号)
 * @param returnRate returned / confirmed (劝返率), 0 when nothing is confirmed
 * @param contacts the helpers' contacts with these cases' families, by type; home visits of the
 *     {@code homeVisit} task count as {@code HOME_VISIT}
 * @param fundsYuan total of the {@code FUNDS} contacts
 * @param care 结对关爱 in the scope, independent of any case ({@link CareFigures})
 * @param referrals the 联控联保 referrals sent in the range from the scope's cases
 * @param atRisk the at-risk register of the scope: flags raised in the range ({@link AtRiskFigures})
 * @param disabledPlacement disabled children of the scope by placement ({@link DisabledPlacementFigures})
 */
public record Summary(
    String scope,
    String scopeName,
    String scopeType,
    LocalDate from,
    LocalDate to,
    long students,
    long cases,
    long suspected,
    long confirmed,
    Map<String, Long> gender,
    Map<String, Long> reason,
    Map<String, Long> schoolLevel,
    Map<String, Long> specialGroup,
    Map<String, Long> status,
    Map<String, Long> placement,
    long returned,
    BigDecimal returnRate,
    Map<String, Long> contacts,
    BigDecimal fundsYuan,
    CareBlock care,
    Referrals referrals,
    AtRiskBlock atRisk,
    DisabledPlacementBlock disabledPlacement) {

  /**
   * 联控联保: the referrals sent in the range from the cases of the scope, whatever the cases' dates.
   *
   * @param sent referrals sent
   * @param outcome by where they stand now: SENT (待受理), ACCEPTED (办理中), REJECTED, CLOSED
   * @param byDepartment by department code (baoxue.departments), each by outcome
   * @param answered those the department has accepted or rejected
   * @param averageWorkingDaysToAnswer working days from sending to the answer, over those answered (0 with none)
   * @param maxWorkingDaysToAnswer the longest of them
   * @param overdue open ones past their due date now
   */
  public record Referrals(
      long sent,
      Map<String, Long> outcome,
      Map<String, Map<String, Long>> byDepartment,
      long answered,
      BigDecimal averageWorkingDaysToAnswer,
      long maxWorkingDaysToAnswer,
      long overdue) {}
}
