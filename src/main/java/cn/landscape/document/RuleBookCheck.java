package cn.landscape.document;

import org.springframework.stereotype.Component;

/** Reads the extraction rules at start-up, so that a bad rule file stops the service with its name. */
@Component
class RuleBookCheck {

	RuleBookCheck() {
		RuleBook.standard();
	}

}
