package dev.holdfast.shared;

/**
 * A validated page request: page from 0 to {@value #MAX_PAGE}, size between 1 and
 * {@value #MAX_SIZE}, so that no offset overflows on its way to the database.
 */
public record PageRequest(int page, int size) {

	public static final int MAX_SIZE = 200;

	public static final int MAX_PAGE = 1_000_000;

	public PageRequest {
		if (page < 0) {
			throw new InvalidInputException("page", "must be 0 or more");
		}
		if (page > MAX_PAGE) {
			throw new InvalidInputException("page", "must be at most " + MAX_PAGE);
		}
		if (size < 1 || size > MAX_SIZE) {
			throw new InvalidInputException("size", "must be between 1 and " + MAX_SIZE);
		}
	}

	public static PageRequest of(Integer page, Integer size) {
		return new PageRequest(page == null ? 0 : page, size == null ? 20 : size);
	}

	public long offset() {
		return (long) this.page * this.size;
	}

}
