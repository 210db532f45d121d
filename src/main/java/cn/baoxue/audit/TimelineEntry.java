package cn.baoxue.audit;

import java.time.LocalDateTime;

/**
 * One thing that happened on a case, for the auditor's timeline.
 *
 * @param onTime for task completions: whether it was done by its due date; null otherwise
 */
public record TimelineEntry(
    LocalDateTime time, String type, String actor, String actorName, String step, String description, Boolean onTime) {}
