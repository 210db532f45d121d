package cn.baoxue.operations;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A step of Baoxue's schema written in Java, numbered among the SQL steps of db/migration; it is
 * registered by hand (DatabaseMigrationConfiguration), not found by class name. No checksum: the
 * step reads the engine's own tables, whose content no checksum of ours could describe.
 */
abstract class NumberedJavaMigration implements JavaMigration {

  private final MigrationVersion version;
  private final String description;

  NumberedJavaMigration(String version, String description) {
    this.version = MigrationVersion.fromVersion(version);
    this.description = description;
  }

  @Override
  public MigrationVersion getVersion() {
    return version;
  }

  @Override
  public String getDescription() {
    return description;
  }

  @Override
  public Integer getChecksum() {
    return null;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }
}
