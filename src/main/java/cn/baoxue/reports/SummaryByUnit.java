package cn.baoxue.reports;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/**
 * {@code GET /api/reports/summary?scope=…&by=unit}: the scope's summary and work as a whole, and the
 * same figures for each unit directly below it (each township of a county, each county of a
 * prefecture), in code order.
 */
public record SummaryByUnit(@JsonUnwrapped Summary summary, WorkFigures work, List<UnitFigures> units) {}
