package cn.baoxue.atrisk;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.atrisk.RiskPoints.Assessment;
import cn.baoxue.atrisk.RiskPoints.Signal;
import cn.baoxue.testing.QuickTier;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * processes/at-risk-points.dmn as deployed, evaluated by the engine: every rule of both tables is
 * hit by a case of its own (the engine's history names the rule that matched), including the edges
 * of each band, and a signal no rule knows gives no points.
 */
@QuickTier
@SpringBootTest(properties = {"camunda.bpm.job-execution.enabled=false", "camunda.bpm.generate-unique-process-engine-name=true"})
class AtRiskPointsDecisionTests {

  @Autowired DecisionService decisions;
  @Autowired HistoryService history;
  @Autowired RepositoryService repository;
  @Autowired RiskPoints riskPoints;

  /** signal, amount → the rule that must match, its category and points. */
  record Case(String signal, int amount, String rule, String category, int points) {}

  static final List<Case> POINT_CASES = List.of(
      new Case("ABSENCE", 10, "PointRule_1", "WAVERING", 40),
      new Case("ABSENCE", 31, "PointRule_1", "WAVERING", 40),
      new Case("ABSENCE", 9, "PointRule_2", "WAVERING", 25),
      new Case("ABSENCE", 5, "PointRule_2", "WAVERING", 25),
      new Case("ABSENCE", 4, "PointRule_3", "WAVERING", 10),
      new Case("ABSENCE", 2, "PointRule_3", "WAVERING", 10),
      new Case("FAILED_SUBJECTS", 3, "PointRule_4", "LEARNING", 30),
      new Case("FAILED_SUBJECTS", 2, "PointRule_5", "LEARNING", 15),
      new Case("FAILED_SUBJECTS", 1, "PointRule_5", "LEARNING", 15),
      new Case("RANK_FALL", 20, "PointRule_6", "LEARNING", 20),
      new Case("RANK_FALL", 19, "PointRule_7", "LEARNING", 10),
      new Case("RANK_FALL", 10, "PointRule_7", "LEARNING", 10),
      new Case("ORPHAN", 1, "PointRule_8", "HARDSHIP", 20),
      new Case("DE_FACTO_UNSUPPORTED", 1, "PointRule_9", "HARDSHIP", 20),
      new Case("LEFT_BEHIND", 1, "PointRule_10", "HARDSHIP", 10),
      new Case("SINGLE_PARENT", 1, "PointRule_11", "HARDSHIP", 10),
      new Case("DISABLED", 1, "PointRule_12", "HARDSHIP", 10),
      new Case("POOR_REGISTERED", 1, "PointRule_13", "HARDSHIP", 10),
      new Case("WEARY", 1, "PointRule_14", "WAVERING", 30),
      new Case("PARENT_UNSUPPORTIVE", 1, "PointRule_15", "WAVERING", 20),
      new Case("WORK", 1, "PointRule_16", "WAVERING", 30));

  @Test
  void everyPointRuleIsHitByItsOwnCase() {
    Set<String> hit = new TreeSet<>();
    for (Case c : POINT_CASES) {
      Set<String> before = instanceIds(RiskPoints.POINTS_DECISION);
      Map<String, Object> result = decisions.evaluateDecisionTableByKey(RiskPoints.POINTS_DECISION,
          Map.of("signal", c.signal(), "amount", c.amount())).getSingleResult().getEntryMap();
      assertThat(result).as("%s", c).containsEntry("category", c.category()).containsEntry("points", c.points());
      String rule = matchedRule(RiskPoints.POINTS_DECISION, before);
      assertThat(rule).as("%s", c).isEqualTo(c.rule());
      hit.add(rule);
    }
    assertThat(hit).isEqualTo(ruleIds("atRiskPoints"));
  }

  @Test
  void belowEveryBandAndUnknownSignalsGiveNoPoints() {
    for (Signal none : List.of(new Signal("ABSENCE", 1), new Signal("ABSENCE", 0), new Signal("FAILED_SUBJECTS", 0),
        new Signal("RANK_FALL", 9), new Signal("MIGRANT", 1), new Signal("ILLNESS", 1))) {
      assertThat(decisions.evaluateDecisionTableByKey(RiskPoints.POINTS_DECISION,
          Map.of("signal", none.reason(), "amount", none.amount())).getResultList()).as("%s", none).isEmpty();
    }
  }

  @Test
  void theThresholdRulesFlagFromFortyPoints() {
    Set<String> hit = new TreeSet<>();
    for (int[] c : new int[][] {{40, 1}, {95, 1}, {39, 2}, {0, 2}}) {
      Set<String> before = instanceIds(RiskPoints.FLAG_DECISION);
      Object flagged = decisions.evaluateDecisionTableByKey(RiskPoints.FLAG_DECISION, Map.of("totalPoints", c[0]))
          .getSingleResult().getEntry("flagged");
      assertThat(flagged).as("%d points", c[0]).isEqualTo(c[1] == 1);
      String rule = matchedRule(RiskPoints.FLAG_DECISION, before);
      assertThat(rule).isEqualTo("FlagRule_" + c[1]);
      hit.add(rule);
    }
    assertThat(hit).isEqualTo(ruleIds("atRiskFlag"));
  }

  @Test
  void aPupilsPointsAddUpAcrossHerSignals() {
    Assessment assessment = riskPoints.assess(List.of(new Signal("ABSENCE", 6), new Signal("FAILED_SUBJECTS", 0),
        new Signal("LEFT_BEHIND", 1), new Signal("MIGRANT", 1), new Signal("PARENT_UNSUPPORTIVE", 1)));
    assertThat(assessment.points()).extracting(p -> p.reason() + "/" + p.category() + "/" + p.points())
        .containsExactly("ABSENCE/WAVERING/25", "LEFT_BEHIND/HARDSHIP/10", "PARENT_UNSUPPORTIVE/WAVERING/20");
    assertThat(assessment.total()).isEqualTo(55);
    assertThat(assessment.flagged()).isTrue();
    Assessment below = riskPoints.assess(List.of(new Signal("ABSENCE", 3), new Signal("SINGLE_PARENT", 1), new Signal("RANK_FALL", 12)));
    assertThat(below.total()).isEqualTo(30);
    assertThat(below.flagged()).isFalse();
  }

  private Set<String> instanceIds(String key) {
    return history.createHistoricDecisionInstanceQuery().decisionDefinitionKey(key).list().stream()
        .map(HistoricDecisionInstance::getId).collect(Collectors.toCollection(HashSet::new));
  }

  private String matchedRule(String key, Set<String> before) {
    List<HistoricDecisionInstance> fresh = history.createHistoricDecisionInstanceQuery().decisionDefinitionKey(key).includeOutputs()
        .list().stream().filter(i -> !before.contains(i.getId())).toList();
    assertThat(fresh).hasSize(1);
    return fresh.get(0).getOutputs().stream().map(HistoricDecisionOutputInstance::getRuleId).findFirst().orElse(null);
  }

  private Set<String> ruleIds(String decisionKey) {
    String definitionId = repository.createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey).latestVersion()
        .singleResult().getId();
    DmnModelInstance model = repository.getDmnModelInstance(definitionId);
    return model.getModelElementById(decisionKey).getChildElementsByType(org.camunda.bpm.model.dmn.instance.DecisionTable.class)
        .stream().findFirst().orElseThrow().getRules().stream().map(Rule::getId).collect(Collectors.toCollection(TreeSet::new));
  }
}
