package org.membership.notification.mail;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.membership.support.association.AssociationProperties;
import org.thymeleaf.TemplateEngine;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.stereotype.Component;

/**
 * Renders a mail from {@code templates/mail/<kind>.subject.txt}, {@code <kind>.txt} and
 * {@code <kind>.html}. Its own engines, so the mail templates are not web views; the HTML
 * one escapes every {@code th:text}.
 */
@Component
class MailComposer {

	private final TemplateEngine text = engine(TemplateMode.TEXT, ".txt");

	private final TemplateEngine html = engine(TemplateMode.HTML, ".html");

	private final AssociationProperties association;

	private final JsonMapper json = JsonMapper.builder().build();

	MailComposer(AssociationProperties association) {
		this.association = association;
	}

	ComposedMail compose(NotificationKind kind, Map<String, Object> model) {
		Context context = new Context(Locale.ENGLISH);
		context.setVariables(model);
		context.setVariable("association", this.association);
		String subject = this.text.process(kind.template() + ".subject", context).strip();
		return new ComposedMail(subject, this.text.process(kind.template(), context),
				this.html.process(kind.template(), context));
	}

	/** The template variables as stored with a notification (every value as text). */
	String toJson(Map<String, Object> model) {
		Map<String, String> values = new HashMap<>();
		model.forEach((name, value) -> values.put(name, (value != null) ? value.toString() : null));
		return this.json.writeValueAsString(values);
	}

	Map<String, Object> fromJson(String model) {
		return (model != null) ? new HashMap<>(this.json.readValue(model, new TypeReference<Map<String, Object>>() {
		})) : new HashMap<>();
	}

	private static TemplateEngine engine(TemplateMode mode, String suffix) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/mail/");
		resolver.setSuffix(suffix);
		resolver.setTemplateMode(mode);
		resolver.setCharacterEncoding("UTF-8");
		// the Spring flavour, because it evaluates expressions with SpEL (plain
		// Thymeleaf would need OGNL on the class path)
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(resolver);
		return engine;
	}

}
