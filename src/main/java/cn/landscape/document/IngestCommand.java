package cn.landscape.document;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import cn.landscape.seed.SeedFiles;

/**
 * {@code --ingest=FILE --title=… --publisher=… --date=2025-01 [--url=…]}: adds the file as a document,
 * exactly as POST /api/documents does, prints what was found and stops the service.
 */
@Component
class IngestCommand implements ApplicationRunner {

	private final DocumentService documents;

	private final ApplicationContext context;

	IngestCommand(DocumentService documents, ApplicationContext context) {
		this.documents = documents;
		this.context = context;
	}

	/** What the command printed and its exit code. */
	record Outcome(int exitCode, String message) {
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!args.containsOption("ingest")) {
			return;
		}
		Outcome outcome = ingest(args);
		(outcome.exitCode() == 0 ? System.out : System.err).println(outcome.message());
		System.exit(SpringApplication.exit(context, outcome::exitCode));
	}

	Outcome ingest(ApplicationArguments args) {
		String file = option(args, "ingest");
		if (file == null || file.isBlank()) {
			return new Outcome(2, "--ingest needs a file: --ingest=article.txt --title=… --publisher=… --date=2025-01");
		}
		String text;
		try {
			text = SeedFiles.decodeUtf8(Files.readAllBytes(Path.of(file)));
		}
		catch (CharacterCodingException ex) {
			return new Outcome(1, file + " is not UTF-8 text (or is a binary file); convert it to UTF-8 text first.");
		}
		catch (IOException ex) {
			return new Outcome(1, "Cannot read " + file + ": " + ex.getMessage());
		}
		try {
			DocumentService.View view = documents.add(new DocumentService.NewDocument(option(args, "title"),
					option(args, "publisher"), option(args, "date"), option(args, "url"), text));
			long pending = view.proposals().size();
			return new Outcome(0, "Added document " + view.document().get("id") + " (" + view.document().get("title")
					+ "): " + view.sentences().size() + " sentences, " + view.mentions().size() + " mentions, "
					+ view.candidates().size() + " candidates, " + pending + " proposals to review at GET "
					+ view.document().get("location"));
		}
		catch (ErrorResponseException ex) {
			return new Outcome(1, "Not added: " + ex.getBody().getDetail());
		}
	}

	private static String option(ApplicationArguments args, String name) {
		List<String> values = args.getOptionValues(name);
		return values == null || values.isEmpty() ? null : values.get(0);
	}

}
