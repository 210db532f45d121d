package cn.baoxue.reports;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * One unit of a side-by-side table: its code and name, its summary's figures (unwrapped beside
 * them, as {@code GET /api/reports/summary} gives them) and how its work stands.
 */
public record UnitFigures(String code, String name, @JsonUnwrapped Summary summary, WorkFigures work) {}
