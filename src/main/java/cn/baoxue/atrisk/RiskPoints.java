package cn.baoxue.atrisk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import cn.baoxue.security.WithoutEngineAuthorization;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/**
 * Reads the points of a pupil's signals from the analyst's decision table
 * ({@code processes/at-risk-points.dmn}), evaluated by the engine's {@link DecisionService}: each
 * signal alone through {@code atRiskPoints}, the total through {@code atRiskFlag}.
 */
@Component
public class RiskPoints {

  static final String POINTS_DECISION = "atRiskPoints";
  static final String FLAG_DECISION = "atRiskFlag";

  /** One signal of a pupil: a measure, special group or observation code, and its amount (1 for a group or observation). */
  public record Signal(String reason, int amount) {}

  /** A signal the table gave points for. */
  public record Point(String reason, RiskCategory category, int amount, int points) {}

  /** What the table made of a pupil's signals. */
  public record Assessment(List<Point> points, int total, boolean flagged) {}

  private final DecisionService decisions;
  private final WithoutEngineAuthorization asSystem;

  RiskPoints(DecisionService decisions, WithoutEngineAuthorization asSystem) {
    this.decisions = decisions;
    this.asSystem = asSystem;
  }

  /**
   * The points of her signals. Weighing is the system's work, not the user's: whoever asks for an
   * assessment needs no grant on the decision table (the register checked her school already).
   */
  public Assessment assess(List<Signal> signals) {
    return asSystem.call(() -> weigh(signals));
  }

  private Assessment weigh(List<Signal> signals) {
    List<Point> points = new ArrayList<>();
    for (Signal signal : signals) {
      DmnDecisionRuleResult hit = decisions.evaluateDecisionTableByKey(POINTS_DECISION,
          Map.of("signal", signal.reason(), "amount", signal.amount())).getFirstResult();
      if (hit != null) {
        int value = ((Number) hit.getEntry("points")).intValue();
        if (value > 0) {
          points.add(new Point(signal.reason(), RiskCategory.valueOf(hit.getEntry("category")), signal.amount(), value));
        }
      }
    }
    int total = points.stream().mapToInt(Point::points).sum();
    Object flagged = decisions.evaluateDecisionTableByKey(FLAG_DECISION, Map.of("totalPoints", total))
        .getSingleResult().getEntry("flagged");
    return new Assessment(points, total, Boolean.TRUE.equals(flagged));
  }
}
