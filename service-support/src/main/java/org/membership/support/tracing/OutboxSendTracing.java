package org.membership.support.tracing;

import java.lang.reflect.Method;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;

import org.springframework.aop.support.StaticMethodMatcherPointcutAdvisor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.modulith.events.support.DelegatingEventExternalizer;

/**
 * The outbox's sends continue the trace of the work that published the event: around
 * Spring Modulith's externalizer ({@code DelegatingEventExternalizer.externalize(event)},
 * which maps the event and hands it to the {@code KafkaTemplate} on the same thread, the
 * first time after the commit and again on every resubmission), a span whose parent is
 * the event's stored {@code traceparent} ({@link TracedEvent}). The template's own
 * observation is then a child of it and writes that trace into the record's
 * {@code traceparent} header. An advice rather than a replaced externalizer, so that the
 * listener id stored with every publication stays Spring Modulith's.
 */
class OutboxSendTracing extends StaticMethodMatcherPointcutAdvisor {

	OutboxSendTracing(ObjectProvider<Traces> traces) {
		setAdvice(new SendInterceptor(traces));
		// innermost: inside the asynchronous hand-off, on the thread that sends
		setOrder(Ordered.LOWEST_PRECEDENCE);
	}

	@Override
	public boolean matches(Method method, Class<?> targetClass) {
		return DelegatingEventExternalizer.class.isAssignableFrom(targetClass) && method.getName().equals("externalize")
				&& method.getParameterCount() == 1;
	}

	/**
	 * Looks the traces up at the first send: an advisor is created before other beans.
	 */
	private record SendInterceptor(ObjectProvider<Traces> traces) implements MethodInterceptor {

		@Override
		public Object invoke(MethodInvocation invocation) throws Throwable {
			if (!(invocation.getArguments()[0] instanceof TracedEvent event)) {
				return invocation.proceed();
			}
			try {
				return this.traces.getObject()
					.continuing(event.traceparent(), "outbox send", () -> proceed(invocation));
			}
			catch (ProceedFailure failure) {
				throw failure.getCause();
			}
		}

		private static Object proceed(MethodInvocation invocation) {
			try {
				return invocation.proceed();
			}
			catch (Throwable ex) {
				throw new ProceedFailure(ex);
			}
		}

	}

	/** Carries a checked failure of the invocation through the supplier. */
	private static final class ProceedFailure extends RuntimeException {

		ProceedFailure(Throwable cause) {
			super(cause);
		}

	}

}
