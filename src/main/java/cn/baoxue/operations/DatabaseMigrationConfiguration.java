package cn.baoxue.operations;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One schema owner: Flyway creates and upgrades both Camunda's tables ({@link
 * EngineSchemaMigration}) and Baoxue's ({@code db/migration}, and {@link
 * MaskPersonalVariablesMigration}, which rewrites rows of the engine's tables), and the process
 * engine starts only after the migrations have run.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseMigrationConfiguration {

  @Bean
  FlywayConfigurationCustomizer engineSchemaMigration() {
    return configuration -> configuration.javaMigrations(new EngineSchemaMigration(), new MaskPersonalVariablesMigration());
  }

  @Bean
  static EngineStartsAfterMigrations engineStartsAfterMigrations() {
    return new EngineStartsAfterMigrations();
  }

  static class EngineStartsAfterMigrations extends AbstractDependsOnBeanFactoryPostProcessor {
    EngineStartsAfterMigrations() {
      super(ProcessEngine.class, ProcessEngineFactoryBean.class, FlywayMigrationInitializer.class);
    }
  }
}
