package dev.holdfast.risk;

import dev.holdfast.Api;

/**
 * What risk tests do: read like a scraper.
 */
final class RiskDrills {

	private RiskDrills() {
	}

	/**
	 * Reads the customer's details as fast as the API answers until refused the given
	 * number of times; how many refusals it got (at most 200 requests).
	 */
	static int readUntilRefused(Api api, String token, long customerId, int refusals) {
		int refused = 0;
		for (int i = 0; i < 200 && refused < refusals; i++) {
			if (api.get(token, "/api/v1/customers/" + customerId).status() == 429) {
				refused++;
			}
		}
		return refused;
	}

}
