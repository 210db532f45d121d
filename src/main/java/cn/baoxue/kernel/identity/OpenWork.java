package cn.baoxue.kernel.identity;

/**
 * How much open work a person holds: tasks assigned or offered to her by name, and helper roles on
 * open cases. Whoever moves people between units asks it first (a person holding work is handed
 * over, never dropped); the handover feature answers it from the engine's tables.
 */
public interface OpenWork {

  long heldBy(String userId);
}
