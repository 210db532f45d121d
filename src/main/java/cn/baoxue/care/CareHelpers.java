package cn.baoxue.care;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pairings a member of staff is the helper of, for whoever answers for her leaving: a person
 * paired with a child in difficulty is handed over with her other work (工作交接), never dropped,
 * so no child is left without her helper. Plain SQL, so the engine's identity guard may ask it too.
 */
@Component
public class CareHelpers {

  private final JdbcClient jdbc;

  CareHelpers(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A pairing she holds, as the handover lists it. */
  public record HeldPairing(long pairingId, String personName, String kindLabel) {}

  public long countHeldBy(String userId) {
    return jdbc.sql("select count(*) from care_pairing where helper = :user").param("user", userId).query(Long.class).single();
  }

  public List<HeldPairing> heldBy(String userId) {
    return jdbc.sql("select id, person_name, kind from care_pairing where helper = :user order by id")
        .param("user", userId)
        .query((rs, n) -> new HeldPairing(rs.getLong(1), rs.getString(2), CareKind.valueOf(rs.getString(3)).label()))
        .list();
  }

  /** Gives every pairing of the leaver to the successor, in the handover's transaction; the ids moved. */
  @Transactional(propagation = Propagation.MANDATORY)
  public List<Long> handOver(String leaver, String successor) {
    List<Long> ids = heldBy(leaver).stream().map(HeldPairing::pairingId).toList();
    jdbc.sql("update care_pairing set helper = :successor where helper = :leaver")
        .param("successor", successor).param("leaver", leaver).update();
    return ids;
  }
}
