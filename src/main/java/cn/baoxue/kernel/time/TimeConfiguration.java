package cn.baoxue.kernel.time;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock bean in the configured zone ({@code baoxue.time-zone}, default Asia/Shanghai). */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

  @Bean
  Clock baoxueClock(@Value("${baoxue.time-zone:Asia/Shanghai}") ZoneId zone) {
    BeijingTime.use(zone);
    return new BeijingTime(zone);
  }
}
