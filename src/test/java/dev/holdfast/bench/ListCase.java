package dev.holdfast.bench;

/**
 * One case of the benchmark: who asks, through which API path, and the SQL the module
 * runs for it.
 */
record ListCase(String name, long employeeId, String token, String path, ModuleSql sql) {

}
