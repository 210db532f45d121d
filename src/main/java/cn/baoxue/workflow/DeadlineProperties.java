package cn.baoxue.workflow;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** baoxue.deadlines: working days per step and how soon a missed deadline goes up again. */
@ConfigurationProperties("baoxue.deadlines")
public record DeadlineProperties(Map<String, Integer> workingDays, String escalateAgainAfter) {}
