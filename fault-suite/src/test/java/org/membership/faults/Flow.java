package org.membership.faults;

import java.util.UUID;

/**
 * One onboarding flow the suite drives: an organisation applies, staff approve it with an
 * effective date of today or in the past, so that it becomes a member at once. Its
 * contact address is its own, so that its mails can be counted.
 */
final class Flow {

	private final String fault;

	private final int number;

	private final String idempotencyKey = UUID.randomUUID().toString();

	private volatile String applicationId;

	private volatile boolean approved;

	private volatile String failure;

	Flow(String fault, int number) {
		this.fault = fault;
		this.number = number;
	}

	String organisation() {
		return "Fault " + this.fault + " " + this.number;
	}

	String contactEmail() {
		return this.fault + "-" + this.number + "@faults.example.org";
	}

	String idempotencyKey() {
		return this.idempotencyKey;
	}

	int number() {
		return this.number;
	}

	String fault() {
		return this.fault;
	}

	String applicationId() {
		return this.applicationId;
	}

	void submitted(String applicationId) {
		this.applicationId = applicationId;
	}

	boolean isSubmitted() {
		return this.applicationId != null;
	}

	void approved() {
		this.approved = true;
	}

	/** Submitted and approved: the system owes it a listing, an announcement, 3 mails. */
	boolean isAccepted() {
		return this.approved;
	}

	void failed(String why) {
		this.failure = why;
	}

	String failure() {
		return this.failure;
	}

}
