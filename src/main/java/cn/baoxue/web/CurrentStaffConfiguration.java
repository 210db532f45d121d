package cn.baoxue.web;

import cn.baoxue.kernel.identity.CurrentStaff;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Controllers take the logged-in member of staff as a {@code Staff} parameter ({@link CurrentStaff}). */
@Configuration
class CurrentStaffConfiguration implements WebMvcConfigurer {

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new CurrentStaff());
  }
}
