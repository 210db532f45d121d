package cn.baoxue.cases;

import cn.baoxue.kernel.identity.Jurisdiction;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads cases for the people whose jurisdiction covers them, and nobody else. */
@Service
@Transactional(readOnly = true)
public class CaseQueries {

  private final DropoutCaseRepository cases;
  private final HelperAssignmentRepository assignments;
  private final HomeVisitRepository visits;
  private final PersuasionAttemptRepository attempts;
  private final ReturnOrderRepository orders;
  private final PlacementPlanRepository plans;
  private final FollowUpRepository followUps;
  private final ClosureReviewRepository reviews;
  private final EntityManager entityManager;

  CaseQueries(
      DropoutCaseRepository cases,
      HelperAssignmentRepository assignments,
      HomeVisitRepository visits,
      PersuasionAttemptRepository attempts,
      ReturnOrderRepository orders,
      PlacementPlanRepository plans,
      FollowUpRepository followUps,
      ClosureReviewRepository reviews,
      EntityManager entityManager) {
    this.cases = cases;
    this.assignments = assignments;
    this.visits = visits;
    this.attempts = attempts;
    this.orders = orders;
    this.plans = plans;
    this.followUps = followUps;
    this.reviews = reviews;
    this.entityManager = entityManager;
  }

  public List<DropoutCase> visibleTo(Jurisdiction jurisdiction) {
    Jurisdiction.SqlScope scope = jurisdiction.sqlScope("c.schoolCode", "c.villageCode", "c.townshipCode", "c.countyCode");
    if (!jurisdiction.isEverywhere()) {
      // The cases a county handed over to another stay in its list, to read (readsAsFormerCounty).
      List<DropoutCase> own = query(scope);
      List<DropoutCase> handedOver = entityManager.createQuery(
              "select c from DropoutCase c where c.handedOverFrom is not null order by c.reportedAt desc", DropoutCase.class)
          .getResultList().stream()
          .filter(c -> readsAsFormerCounty(c, jurisdiction) && !own.contains(c))
          .toList();
      if (handedOver.isEmpty()) {
        return own;
      }
      List<DropoutCase> all = new java.util.ArrayList<>(own);
      all.addAll(handedOver);
      all.sort(java.util.Comparator.comparing(DropoutCase::getReportedAt).reversed());
      return all;
    }
    return query(scope);
  }

  private List<DropoutCase> query(Jurisdiction.SqlScope scope) {
    TypedQuery<DropoutCase> query = entityManager.createQuery(
        "select c from DropoutCase c where " + scope.condition() + " order by c.reportedAt desc", DropoutCase.class);
    scope.params().forEach(query::setParameter);
    return query.getResultList();
  }

  /** A case with everything recorded on it; empty when it does not exist or lies outside. */
  public Optional<CaseFile> caseFile(String caseNumber, Jurisdiction jurisdiction) {
    return cases.findByCaseNumber(caseNumber)
        .filter(c -> jurisdiction.covers(c.getSchoolCode(), c.getVillageCode(), c.getTownshipCode(), c.getCountyCode())
            || readsAsFormerCounty(c, jurisdiction))
        .map(this::caseFile);
  }

  /**
   * A county that handed the case over to another county (跨县移交) keeps sight of it, to read: its
   * bureau (and those above it) read the case, its page and timeline; the steps refuse it
   * ({@link CaseOfProcess#requireWithinJurisdiction} looks at the case's units alone).
   */
  public static boolean readsAsFormerCounty(DropoutCase dropoutCase, Jurisdiction jurisdiction) {
    return dropoutCase.formerCounties().stream().anyMatch(jurisdiction::covers);
  }

  /** Everything recorded on a case, for documents issued by the system itself. */
  public CaseFile caseFile(Long caseId) {
    return caseFile(cases.findById(caseId).orElseThrow());
  }

  private CaseFile caseFile(DropoutCase c) {
    return new CaseFile(
                    c,
                    assignments.findByCaseIdOrderByRecordedAtAscIdAsc(c.getId()),
                    visits.findByCaseIdOrderByRecordedAtAscIdAsc(c.getId()),
                    attempts.findByCaseIdOrderByRecordedAtAscIdAsc(c.getId()),
                    orders.findByCaseIdOrderByRecordedAtAscIdAsc(c.getId()),
                    plans.findByCaseIdOrderByRecordedAtAscIdAsc(c.getId()),
                    followUps.findByCaseIdOrderByRecordedAtAscIdAsc(c.getId()),
                    reviews.findByCaseIdOrderByRecordedAtAscIdAsc(c.getId()));
  }

  /** Everything recorded on one case (the 一人一案 file). */
  public record CaseFile(
      DropoutCase dropoutCase,
      List<HelperAssignment> helpers,
      List<HomeVisit> visits,
      List<PersuasionAttempt> attempts,
      List<ReturnOrder> orders,
      List<PlacementPlan> plans,
      List<FollowUp> followUps,
      List<ClosureReview> reviews) {}
}
