package cn.baoxue.reports;

import java.math.BigDecimal;
import java.util.Map;

/**
 * How a unit's work stands, beside its summary: what a county bureau compares across its townships
 * (and a prefecture across its counties). Counted over the cases opened in the range, like the
 * summary; tasks and helpers as they are now.
 *
 * @param openByRung open cases whose current step is a rung of the persuasion ladder, by rung
 * @param overdueTasks open tasks of those cases past their due date
 * @param supervisions 督办 raised on those cases (every escalation of an overdue task)
 * @param closedCases cases 销号, the population of the two figures below
 * @param daysToCloseMedian days from report to 销号, median (nearest rank); null when none closed
 * @param daysToCloseP90 days from report to 销号, 90th percentile (nearest rank); null when none closed
 * @param helpers helpers (包保人) holding at least one open case
 * @param mostCasesPerHelper the open cases of the busiest helper
 * @param casesPerHelper open cases per helper, on average (two decimals)
 */
public record WorkFigures(
    Map<String, Long> openByRung,
    long overdueTasks,
    long supervisions,
    long closedCases,
    Integer daysToCloseMedian,
    Integer daysToCloseP90,
    long helpers,
    long mostCasesPerHelper,
    BigDecimal casesPerHelper) {}
