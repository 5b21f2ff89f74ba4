package org.membership.directory.system;

import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.stereotype.Component;

/** Whether a rebuild has the listeners stopped on purpose (health reports it). */
@Component
public class RebuildState {

	private final AtomicBoolean inProgress = new AtomicBoolean();

	public boolean begin() {
		return this.inProgress.compareAndSet(false, true);
	}

	public void end() {
		this.inProgress.set(false);
	}

	public boolean inProgress() {
		return this.inProgress.get();
	}

}
