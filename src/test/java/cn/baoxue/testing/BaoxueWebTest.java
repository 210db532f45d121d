package cn.baoxue.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on a random port, shared by every test that talks HTTP. The job executor
 * is off: other test classes move the engine's clock (a JVM-wide static) and would make it fire
 * this context's timers at random; tests run due timers through the REST API instead, as an
 * administrator would. The follow-up period is zero, so a case can be walked to 销号 in a test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "baoxue.follow-up.interval=PT1S",
      "baoxue.follow-up.period=P0D",
      "camunda.bpm.job-execution.enabled=false"
    })
public @interface BaoxueWebTest {}
