package org.membership.stack;

import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;

/**
 * Entry point of every child JVM of the stack: it runs the real main class, and exits as
 * soon as the parent process is gone. Without it a test JVM killed by a timeout, or a
 * {@code run-local} killed with SIGKILL, would leave a broker or a registry behind that
 * holds ports and data directories for the next run.
 *
 * <p>
 * Arguments: {@code <parent pid> <main class> <arguments of the main class...>}.
 */
public final class Watchdog {

	private Watchdog() {
	}

	public static void main(String[] args) throws Throwable {
		long parentPid = Long.parseLong(args[0]);
		ProcessHandle.of(parentPid)
			.ifPresentOrElse((parent) -> parent.onExit().thenRun(Watchdog::parentGone), Watchdog::parentGone);
		try {
			Class.forName(args[1])
				.getMethod("main", String[].class)
				.invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	private static void parentGone() {
		System.err.println("Watchdog: the parent process is gone, stopping.");
		// exit (not halt) so that the child's own shutdown hooks close its data cleanly
		System.exit(0);
	}

}
