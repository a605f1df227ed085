package dev.holdfast.bench;

import dev.holdfast.WebSession;

/**
 * One case of the benchmark: who asks, through which API path and which web page (in a
 * logged-in browser session of the same user), and the SQL the module runs for it.
 */
record ListCase(String name, long employeeId, String token, String path, WebSession web, String webPath,
		ModuleSql sql) {

}
