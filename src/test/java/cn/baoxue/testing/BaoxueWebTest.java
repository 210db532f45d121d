package cn.baoxue.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on a random port with the job executor running, shared by every test
 * that talks HTTP. Follow-up comes round after a second and the follow-up period is zero, so a
 * case can be walked to 销号 within a test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "baoxue.follow-up.interval=PT1S",
      "baoxue.follow-up.period=P0D",
      "camunda.bpm.job-execution.wait-time-in-millis=300",
      "camunda.bpm.job-execution.max-wait=1000"
    })
public @interface BaoxueWebTest {}
