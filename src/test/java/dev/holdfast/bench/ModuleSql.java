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
record ModuleSql(String pageSql, String countSql, Map<String, Object> params) {

	@SuppressWarnings("unchecked")
	static ModuleSql of(ApplicationContext context, long me, OwnerScope scope, CustomerQuery query, PageRequest page) {
		try {
			Object search = context.getBean(Class.forName("dev.holdfast.customer.CustomerSearch"));
			Object statement = ReflectionTestUtils.invokeMethod(search, "statement", me, scope, query, page);
			return new ModuleSql(ReflectionTestUtils.invokeMethod(statement, "pageSql"),
					ReflectionTestUtils.invokeMethod(statement, "countSql"),
					(Map<String, Object>) ReflectionTestUtils.invokeMethod(statement, "params"));
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException("the customer module has no CustomerSearch any more", ex);
		}
	}

}
