package cn.landscape.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.QueryExecutionException;

/**
 * The embedded database's one user and its password: generated once into an owner-only file, applied to
 * the system database at every start, and every other user dropped (a store that once ran without
 * authentication may hold users anyone created).
 */
final class Credentials {

	private static final Log log = LogFactory.getLog(Credentials.class);

	private static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");

	private static final SecureRandom random = new SecureRandom();

	private Credentials() {
	}

	/** The password kept in {@code file}, created with 192 random bits the first time. */
	static String generatedPassword(Path file) {
		try {
			if (!Files.exists(file)) {
				byte[] bytes = new byte[24];
				random.nextBytes(bytes);
				String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
				try {
					create(file);
					Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
					log.info("Generated the password of the embedded database's user neo4j into " + file);
					return password;
				}
				catch (FileAlreadyExistsException raced) {
					// another start created it first: read theirs
				}
			}
			if (posix(file)) {
				Files.setPosixFilePermissions(file, OWNER_READ_WRITE);
			}
			String password = Files.readString(file, StandardCharsets.UTF_8).strip();
			if (password.length() < 8) {
				throw new StartupFailure("The password file " + file + " holds no usable password (8 characters or more).",
						"Delete it to have a new one generated, or set LANDSCAPE_NEO4J_PASSWORD (landscape.embedded.password).",
						null);
			}
			return password;
		}
		catch (IOException ex) {
			throw new StartupFailure("The password file " + file + " cannot be read or written: " + ex.getMessage(),
					"Fix the data directory's permissions, or set LANDSCAPE_NEO4J_PASSWORD (landscape.embedded.password).", ex);
		}
	}

	private static void create(Path file) throws IOException {
		if (posix(file.getParent())) {
			Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE));
		}
		else {
			Files.createFile(file);
		}
	}

	private static boolean posix(Path path) throws IOException {
		return Files.getFileStore(path).supportsFileAttributeView(PosixFileAttributeView.class);
	}

	/** Makes {@code user} the only user, with {@code password} and no change required. */
	static void apply(GraphDatabaseService system, String user, String password) {
		List<String> others = system.executeTransactionally("SHOW USERS YIELD user RETURN user", Map.of(),
				result -> result.stream().map(row -> (String) row.get("user")).filter(u -> !u.equals(user)).toList());
		for (String other : others) {
			system.executeTransactionally("DROP USER $user", Map.of("user", other));
			log.warn("Dropped database user '" + other + "': the embedded database has only the user " + user);
		}
		try {
			system.executeTransactionally("ALTER USER " + user + " SET PASSWORD $password CHANGE NOT REQUIRED",
					Map.of("password", password));
		}
		catch (QueryExecutionException ex) {
			if (!samePassword(ex)) {
				throw ex;
			}
		}
	}

	/** Neo4j refuses to set the password a user already has; that is the usual case at a restart. */
	private static boolean samePassword(QueryExecutionException ex) {
		return String.valueOf(ex.getMessage()).contains("cannot be the same");
	}

}
