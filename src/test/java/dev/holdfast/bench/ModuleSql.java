package dev.holdfast.bench;

import java.util.Map;

import org.springframework.context.ApplicationContext;
import org.springframework.test.util.ReflectionTestUtils;

import dev.holdfast.customer.CustomerQuery;
import dev.holdfast.organization.OwnerScope;
import dev.holdfast.shared.PageRequest;

/**
 * The SQL the customer module runs for a list request, taken from its own (package
 * private) {@code CustomerSearch} by reflection, so that the raw-SQL figures measure the
 * very statements the API sends, also after the module changes them.
 */
record ModuleSql(String pageSql, String countSql, String walkSql, Map<String, Object> params, int countLimit) {

	/**
	 * The parameters with the count's limit, as {@code CustomerSearch.count} binds it.
	 */
	Map<String, Object> countParams() {
		Map<String, Object> all = new java.util.HashMap<>(this.params);
		all.put("countLimit", this.countLimit + 1);
		return all;
	}

	/**
	 * The parameters with the walk's length, as {@code CustomerSearch.firstPage} binds
	 * it.
	 */
	Map<String, Object> walkParams() {
		Map<String, Object> all = new java.util.HashMap<>(this.params);
		all.put("walk", Integer.getInteger("bench.search-walk", 2_000));
		return all;
	}

	@SuppressWarnings("unchecked")
	static ModuleSql of(ApplicationContext context, long me, OwnerScope scope, CustomerQuery query, PageRequest page) {
		try {
			Object search = context.getBean(Class.forName("dev.holdfast.customer.CustomerSearch"));
			Object statement = ReflectionTestUtils.invokeMethod(search, "statement", me, scope, query, page);
			return new ModuleSql(ReflectionTestUtils.invokeMethod(statement, "pageSql"),
					ReflectionTestUtils.invokeMethod(statement, "countSql"),
					ReflectionTestUtils.invokeMethod(statement, "walkSql"),
					(Map<String, Object>) ReflectionTestUtils.invokeMethod(statement, "params"),
					(Integer) ReflectionTestUtils.invokeMethod(statement, "countLimit"));
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException("the customer module has no CustomerSearch any more", ex);
		}
	}

}
