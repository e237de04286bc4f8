package cn.landscape.policy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.landscape.entity.Kind;
import cn.landscape.entity.Refs;
import cn.landscape.policy.PolicyQueries.PolicyItem;
import cn.landscape.web.BadParameterException;
import cn.landscape.web.MaxRows;

/** Policies by region, date and issuer. */
@RestController
@Tag(name = "Policies")
class PolicyController {

	private final PolicyQueries queries;

	private final Refs refs;

	PolicyController(PolicyQueries queries, Refs refs) {
		this.queries = queries;
		this.refs = refs;
	}

	@GetMapping("/api/policies")
	@Operation(summary = "Policies sorted by date; a region includes its sub-regions (广东 includes 深圳)",
			description = "Policies whose date the documents do not give come last, and are left out when from or to is set.")
	List<PolicyItem> policies(
			@Parameter(description = "Region id, name or alias; sub-regions are included", example = "广东") @RequestParam(required = false) String region,
			@Parameter(description = "Earliest date, ISO: 2023, 2023-05 or 2023-05-01", example = "2023-01") @RequestParam(required = false) String from,
			@Parameter(description = "Latest date, ISO", example = "2023-12") @RequestParam(required = false) String to,
			@Parameter(description = "Issuing body: id, name or alias", example = "北京市人民政府") @RequestParam(required = false) String issuer,
			@Parameter(description = "At most this many, 1 to landscape.query.max-rows", example = "100") @RequestParam(defaultValue = "100") @MaxRows Integer limit) {
		String fromDate = date("from", from);
		String toDate = date("to", to);
		if (fromDate != null && toDate != null && fromDate.compareTo(toDate) > 0 && !fromDate.startsWith(toDate)) {
			throw new BadParameterException("from", "'" + from + "' is after to='" + to + "'");
		}
		return queries.policies(region == null ? null : refs.resolve("region", region, Kind.REGION).id(), fromDate, toDate,
				issuer == null ? null : refs.resolve("issuer", issuer, Kind.BODY).id(), limit);
	}

	/** Accepts 2023, 2023-05 or 2023-05-12 and checks it is a real date. */
	private static String date(String parameter, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String v = value.strip();
		try {
			if (v.matches("\\d{4}")) {
				return v;
			}
			if (v.matches("\\d{4}-\\d{2}")) {
				return YearMonth.parse(v).toString();
			}
			return LocalDate.parse(v).toString();
		}
		catch (DateTimeParseException ex) {
			throw new BadParameterException(parameter, "'" + value + "' is not an ISO date (2023, 2023-05 or 2023-05-12)");
		}
	}

}
