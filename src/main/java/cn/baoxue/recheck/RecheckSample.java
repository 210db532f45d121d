package cn.baoxue.recheck;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * The draw of a 季度复核, reproducible from its seed: the candidates of each stratum (a township and a
 * kind, in the order of township code, then kind) are put in case-number order and shuffled with one
 * {@link Random} seeded with the round's seed; the first {@code perStratum} of each are drawn. Given
 * the same seed and the same cases, anyone draws the same sample again (java.util.Random's sequence
 * is fixed by the Java specification).
 */
final class RecheckSample {

  /** A case that may be drawn. */
  record Candidate(long caseId, String caseNumber, String townshipCode, RecheckKind kind) {}

  private RecheckSample() {}

  static List<Candidate> draw(long seed, List<Candidate> candidates, int perStratum) {
    Random random = new Random(seed);
    List<Candidate> ordered = new ArrayList<>(candidates);
    ordered.sort(Comparator.comparing(Candidate::townshipCode).thenComparing(Candidate::kind).thenComparing(Candidate::caseNumber));
    List<Candidate> drawn = new ArrayList<>();
    int from = 0;
    while (from < ordered.size()) {
      Candidate first = ordered.get(from);
      int to = from;
      while (to < ordered.size() && ordered.get(to).townshipCode().equals(first.townshipCode())
          && ordered.get(to).kind() == first.kind()) {
        to++;
      }
      List<Candidate> stratum = new ArrayList<>(ordered.subList(from, to));
      Collections.shuffle(stratum, random);
      drawn.addAll(stratum.subList(0, Math.min(perStratum, stratum.size())));
      from = to;
    }
    return drawn;
  }
}
