package cn.baoxue.recheck;

import static org.assertj.core.api.Assertions.assertThat;

import cn.baoxue.testing.BaoxueWebTest;
import cn.baoxue.testing.Caller;
import cn.baoxue.testing.Caller.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 季度复核 through its read doors: a county's rounds are read by its bureau and those above it, never
 * by a neighbour county or a township, whatever the spelling of the path; the doors write nothing.
 */
@BaoxueWebTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecheckApiTests {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired QuarterlyRechecks rechecks;

  long zhenxiong;
  long yiliang;

  @BeforeAll
  void roundsOfTheFourthQuarterOf2019() {
    rechecks.openAll(LocalDate.of(2020, 1, 6));
    zhenxiong = roundOf("530627");
    yiliang = roundOf("530628");
  }

  @Test
  void aCountysRoundsAreReadByItsBureauAndThoseAboveItOnly() throws Exception {
    Reply read = Caller.basic(port, "bureau-zhenxiong").get("/api/rechecks/" + zhenxiong);
    assertThat(read.status()).as("%s", read).isEqualTo(200);
    JsonNode round = JSON.readTree(read.body()).get("round");
    assertThat(round.get("countyName").asText()).isEqualTo("镇雄县");
    assertThat(round.get("quarter").asText()).isEqualTo("2019Q4");
    assertThat(round.get("quarterLabel").asText()).isEqualTo("2019年第4季度（10月1日至12月31日）");
    assertThat(round.get("statusLabel").asText()).isEqualTo("待抽样");
    assertThat(round.get("sampled").asInt()).isZero();
    assertThat(round.get("confirmedPercent").isNull()).isTrue();
    assertThat(JSON.readTree(read.body()).get("items")).isEmpty();

    Map<String, List<Long>> seen = Map.of(
        "bureau-zhenxiong", List.of(zhenxiong),
        "bureau-yiliang", List.of(yiliang),
        "bureau-zhaotong", List.of(zhenxiong, yiliang),
        "auditor", List.of(zhenxiong, yiliang),
        "official-jianshan", List.of(),
        "teacher-changan", List.of());
    for (Map.Entry<String, List<Long>> reader : seen.entrySet()) {
      Caller caller = Caller.basic(port, reader.getKey());
      JsonNode list = JSON.readTree(caller.get("/api/rechecks").body());
      List<Long> ids = java.util.stream.StreamSupport.stream(list.spliterator(), false).map(n -> n.get("id").asLong())
          .filter(id -> id == zhenxiong || id == yiliang).toList();
      assertThat(ids).as(reader.getKey()).containsExactlyInAnyOrderElementsOf(reader.getValue());
      Reply one = caller.get("/api/rechecks/" + zhenxiong);
      if (reader.getValue().contains(zhenxiong)) {
        assertThat(one.status()).as("%s %s", reader.getKey(), one).isEqualTo(200);
      } else {
        assertThat(one.status()).as("%s %s", reader.getKey(), one).isEqualTo(404);
        assertThat(one.body()).doesNotContain("镇雄县").doesNotContain("2019年第4季度");
      }
    }
    assertThat(Caller.anonymous(port).get("/api/rechecks").status()).isEqualTo(401);
  }

  @Test
  void oddSpellingsAreRefusedForEveryoneAndShowNothing() {
    for (String user : List.of("bureau-zhenxiong", "bureau-yiliang")) {
      Caller caller = Caller.basic(port, user);
      for (String path : List.of("/api/rechecks/", "//api/rechecks", "/API/rechecks", "/api/Rechecks", "/api/rechecks;x=1",
          "/api/./rechecks", "/api/rechecks/" + zhenxiong + "/", "/api/rechecks/0" + zhenxiong, "/api/rechecks/+" + zhenxiong,
          "/api/rechecks/" + zhenxiong + ";jsessionid=1", "/api/rechecks//" + zhenxiong, "/api/rechecks%2F" + zhenxiong,
          "/api/x/../rechecks/" + zhenxiong)) {
        Reply odd = caller.get(path);
        assertThat(odd.status()).as("%s %s: %s", user, path, odd).isBetween(400, 404);
        assertThat(odd.body()).as("%s %s", user, path).doesNotContain("2019年第4季度");
      }
    }
  }

  @Test
  void theDoorsWriteNothingEvenForTheCountyBureau() {
    Map<String, Object> before = jdbc.queryForMap("select * from recheck_round where id = ?", zhenxiong);
    long rounds = jdbc.queryForObject("select count(*) from recheck_round", Long.class);
    Caller bureau = Caller.basic(port, "bureau-zhenxiong");
    for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
      for (String path : List.of("/api/rechecks", "/api/rechecks/" + zhenxiong)) {
        Reply write = bureau.send(method, path, "{\"seed\":1,\"samplePerTownship\":50,\"countyCode\":\"530627\"}");
        assertThat(write.status()).as("%s %s: %s", method, path, write).isIn(403, 404, 405);
      }
    }
    Reply crossSite = Caller.basic(port, "bureau-zhenxiong").header("Origin", "https://evil.example")
        .send("POST", "/api/rechecks", "{\"countyCode\":\"530627\",\"quarter\":\"2019Q4\"}");
    assertThat(crossSite.status()).as("%s", crossSite).isIn(403, 405);
    assertThat(jdbc.queryForMap("select * from recheck_round where id = ?", zhenxiong)).isEqualTo(before);
    assertThat(jdbc.queryForObject("select count(*) from recheck_round", Long.class)).isEqualTo(rounds);
  }

  private long roundOf(String county) {
    return jdbc.queryForObject("select id from recheck_round where county_code = ? and quarter = '2019Q4'", Long.class, county);
  }
}
