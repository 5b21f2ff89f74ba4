package org.membership.directory.member;

import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.stereotype.Component;

/**
 * Whether a rebuild has the listener containers stopped on purpose, so that their health
 * reads OUT_OF_SERVICE rather than DOWN. The rebuild sets it; it lives here, with the
 * listeners and their health, so that this package needs nothing of the rebuild.
 */
@Component
public class RebuildState {

	private final AtomicBoolean inProgress = new AtomicBoolean();

	/** Marks a rebuild as running; false when one already is. */
	public boolean begin() {
		return this.inProgress.compareAndSet(false, true);
	}

	public void end() {
		this.inProgress.set(false);
	}

	boolean inProgress() {
		return this.inProgress.get();
	}

}
