package cn.baoxue.security;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The `prod` profile refuses to start with the demo's accounts (password "demo" for everyone)
 * or without Camunda's password policy: an environment variable cannot switch either back on.
 * Runs while the context is built, before any demo data would be loaded.
 */
@Component
@Profile("prod")
class ProductionSafeguards implements InitializingBean {

  private final boolean demoData;
  private final boolean passwordPolicy;

  ProductionSafeguards(
      @Value("${baoxue.demo.enabled:false}") boolean demoData,
      @Value("${camunda.bpm.generic-properties.properties.enable-password-policy:false}") boolean passwordPolicy) {
    this.demoData = demoData;
    this.passwordPolicy = passwordPolicy;
  }

  @Override
  public void afterPropertiesSet() {
    if (demoData) {
      throw new IllegalStateException(
          "The prod profile does not load demo data (baoxue.demo.enabled=true): its accounts share the password 'demo'");
    }
    if (!passwordPolicy) {
      throw new IllegalStateException(
          "The prod profile requires Camunda's password policy (baoxue.security.password-policy=true)");
    }
  }
}
