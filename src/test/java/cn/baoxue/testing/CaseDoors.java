package cn.baoxue.testing;

import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Where a test walks cases through the public doors: a separate application node (upgrades,
 * clusters) or the application the test itself runs.
 */
public interface CaseDoors {

  /** A client as the given user; it never throws on 4xx/5xx. */
  EngineRest as(String user, String password);

  TestRestTemplate client();

  /** The application of this test, through the template Spring Boot gives it. */
  static CaseDoors inProcess(TestRestTemplate template) {
    return new CaseDoors() {
      @Override
      public EngineRest as(String user, String password) {
        return EngineRest.as(template, user, password);
      }

      @Override
      public TestRestTemplate client() {
        return template;
      }
    };
  }
}
