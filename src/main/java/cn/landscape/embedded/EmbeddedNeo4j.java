package cn.landscape.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

import inet.ipaddr.IPAddressString;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.event.DatabaseEventContext;
import org.neo4j.graphdb.event.DatabaseEventListenerAdapter;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.monitoring.ExceptionalDatabaseEvent;

/**
 * The in-process Neo4j: Bolt only, on the loopback interface unless a setting opens it, its store in a
 * folder that survives restarts. Locked down after Neo4j's security checklist, as far as it applies to an
 * embedded Community database: authentication on with one user, {@code neo4j}, whose password is generated
 * at first start into an owner-only file in the data directory (or given as a setting); the data directory
 * owner-only; LOAD CSV can read neither files nor the network; no extension procedures
 * load. Closed after the driver (bean destruction runs in reverse creation order).
 */
public final class EmbeddedNeo4j implements AutoCloseable {

	private static final Log log = LogFactory.getLog(EmbeddedNeo4j.class);

	static final String PASSWORD_FILE = "neo4j-password";

	private static final String USER = "neo4j";

	private static final String LOOPBACK = "127.0.0.1";

	/** LOAD CSV may fetch from no address at all. */
	private static final List<IPAddressString> EVERY_ADDRESS = List.of(new IPAddressString("0.0.0.0/0"),
			new IPAddressString("::/0"));

	/**
	 * No extension procedure loads, whatever jar lands in a plugins folder. The allowlist does not reach
	 * the built-in procedures; restricting those takes role-based privileges, which Community lacks.
	 */
	private static final List<String> NO_EXTENSIONS = List.of();

	private final DatabaseManagementService dbms;

	private final Path dataDir;

	private final int boltPort;

	private final String boltAddress;

	private final String password;

	private final Path passwordFile;

	private final long minFreeBytes;

	/** Why Neo4j panicked (a full disk, an I/O error), once it has; the database is then stopped. */
	private volatile String failure;

	private boolean stopped;

	EmbeddedNeo4j(Path dataDir, int boltPort, String pageCache, String password, String boltAddress) {
		this(dataDir, boltPort, pageCache, password, boltAddress, 0);
	}

	EmbeddedNeo4j(Path dataDir, int boltPort, String pageCache, String password, String boltAddress,
			long minFreeBytes) {
		this.minFreeBytes = minFreeBytes;
		this.dataDir = dataDir.toAbsolutePath().normalize();
		this.boltPort = boltPort;
		this.boltAddress = boltAddress.isBlank() ? LOOPBACK : boltAddress.strip();
		ensureWritable(this.dataDir);
		ownerOnly(this.dataDir);
		this.passwordFile = password.isBlank() ? this.dataDir.resolve(PASSWORD_FILE) : null;
		this.password = password.isBlank() ? Credentials.generatedPassword(this.passwordFile) : password;
		ensurePortFree(this.boltAddress, boltPort);
		this.dbms = start(pageCache, true);
		dbms.registerDatabaseEventListener(new DatabaseEventListenerAdapter() {
			@Override
			public void databasePanic(DatabaseEventContext event) {
				stopAfterPanic(event);
			}
		});
	}

	/**
	 * Starts the DBMS. A store whose transaction log ends in a transaction that was never completely written
	 * (a disk that filled up during the append; Neo4j's recovery refuses such a tail) is started once more
	 * with that tail cut off: all it loses is that last transaction, which never committed, and the load at
	 * start-up makes the graph equal the seed, which holds all of it.
	 */
	private DatabaseManagementService start(String pageCache, boolean failOnCorruptLog) {
		DatabaseManagementService started = null;
		try {
			started = new DatabaseManagementServiceBuilder(this.dataDir)
				.setConfig(BoltConnector.enabled, true)
				.setConfig(BoltConnector.listen_address, new SocketAddress(this.boltAddress, boltPort))
				.setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(pageCache))
				.setConfig(GraphDatabaseSettings.auth_enabled, true)
				.setConfig(GraphDatabaseSettings.allow_file_urls, false)
				.setConfig(GraphDatabaseInternalSettings.cypher_ip_blocklist, EVERY_ADDRESS)
				.setConfig(GraphDatabaseSettings.procedure_allowlist, NO_EXTENSIONS)
				.setConfig(GraphDatabaseSettings.udc_enabled, false)
				.setConfig(GraphDatabaseInternalSettings.fail_on_corrupted_log_files, failOnCorruptLog)
				.build();
			started.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("RETURN 1");
			Credentials.apply(started.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME), USER, this.password);
			return started;
		}
		catch (RuntimeException ex) {
			// Not yet a bean, so nothing else would stop it: its non-daemon threads would keep the JVM alive.
			if (started != null) {
				started.shutdown();
			}
			if (causedByLock(ex)) {
				throw new StartupFailure("Data directory " + this.dataDir
						+ " is locked by another running instance of the service (or another Neo4j).",
						"Stop the other instance, or start with LANDSCAPE_DATA_DIR=<another folder> (landscape.embedded.data-dir).",
						ex);
			}
			if (failOnCorruptLog && unrecoverableLog(ex)) {
				log.warn("The transaction log of the store " + this.dataDir + " ends in a transaction that was never "
						+ "completely written (the disk filled up during it?): starting again with that tail cut off; "
						+ "the seed load then repairs the graph.");
				return start(pageCache, false);
			}
			throw new StartupFailure("The embedded Neo4j database in " + this.dataDir + " did not start: "
					+ rootMessage(ex), "Check the folder and the Neo4j log under it, or set NEO4J_URI to use an external database.", ex);
		}
	}

	/** The database itself, for the seed loader's in-process writes. */
	public GraphDatabaseService database() {
		return dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
	}

	public Path dataDir() {
		return dataDir;
	}

	public int boltPort() {
		return boltPort;
	}

	/** Where clients connect: the listen address, or loopback when it listens on every interface. */
	public String boltUri() {
		String host = boltAddress.equals("0.0.0.0") || boltAddress.equals("::") ? LOOPBACK
				: boltAddress.contains(":") ? "[" + boltAddress + "]" : boltAddress;
		return "bolt://" + host + ":" + boltPort;
	}

	/** Usable bytes on the store's file system. */
	public long freeSpace() {
		try {
			return Files.getFileStore(dataDir).getUsableSpace();
		}
		catch (IOException ex) {
			return 0;
		}
	}

	/** Whether the store's disk is below landscape.embedded.min-free-space. */
	public boolean lowOnSpace() {
		return freeSpace() < minFreeBytes;
	}

	/** Refuses to start a load (or anything that writes) when the store's disk is below the threshold. */
	public void ensureFreeSpace(String what) {
		long free = freeSpace();
		if (free < minFreeBytes) {
			throw new LowDiskSpace(what + " refused: only " + free / (1024 * 1024) + " MB free on the disk of the store "
					+ dataDir + ", below landscape.embedded.min-free-space (" + minFreeBytes / (1024 * 1024) + " MB).");
		}
	}

	/** The one database user. */
	public String username() {
		return USER;
	}

	String password() {
		return password;
	}

	/** Where the generated password is kept, or empty when it comes from landscape.embedded.password. */
	public Optional<Path> passwordFile() {
		return Optional.ofNullable(passwordFile);
	}

	/**
	 * Why the database stopped while the service ran (Neo4j panicked on a full disk or an I/O error), or
	 * empty while it runs.
	 */
	public Optional<String> failure() {
		return Optional.ofNullable(failure);
	}

	/**
	 * A database that panicked (a full disk, an I/O error) accepts no more work and needs a restart: it is
	 * stopped at once, and until the restart every request answers 503 saying why and the health groups are
	 * DOWN. The stop runs on a thread of its own: the panic is reported on the thread whose write failed.
	 */
	private void stopAfterPanic(DatabaseEventContext event) {
		Throwable cause = event instanceof ExceptionalDatabaseEvent exceptional ? exceptional.getCause() : null;
		failure = "Neo4j stopped the database '" + event.getDatabaseName() + "' in " + dataDir
				+ " after a critical error" + (cause == null ? "" : ": " + rootMessage(cause)) + " (" + freeSpace() / (1024 * 1024)
				+ " MB free on the store's disk)";
		log.error(failure + ". Stopping it now; free space on that disk if it is full, then restart the service: "
				+ "the next start recovers the store.", cause);
		Thread.ofPlatform().name("neo4j-panic-stop").start(this::close);
	}

	/** Synchronized: a stop after a panic and the service's own stop run it once, the later one waiting. */
	@Override
	public synchronized void close() {
		if (stopped) {
			return;
		}
		stopped = true;
		try {
			dbms.shutdown();
			log.info("Embedded Neo4j stopped; store " + dataDir + (failure == null ? " closed cleanly" : " closed after a panic"));
		}
		catch (RuntimeException ex) {
			if (failure == null) {
				throw ex;
			}
			// After a panic on a full disk the last flushes fail too: what they would have written is in the log.
			log.warn("Embedded Neo4j stopped after a panic; its last flushes failed (" + rootMessage(ex) + "): the store "
					+ dataDir + " is recovered at the next start");
		}
	}

	private static void ensureWritable(Path dir) {
		try {
			Files.createDirectories(dir);
		}
		catch (IOException | SecurityException ex) {
			throw notWritable(dir, ex);
		}
		if (!Files.isWritable(dir)) {
			throw notWritable(dir, null);
		}
	}

	private static StartupFailure notWritable(Path dir, Exception cause) {
		return new StartupFailure("Data directory " + dir + " is not writable.",
				"Fix its permissions or start with LANDSCAPE_DATA_DIR=<writable folder> (landscape.embedded.data-dir).",
				cause);
	}

	/** Neo4j's checklist: a directory holding the store is never readable by others. */
	private static void ownerOnly(Path dir) {
		try {
			if (Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class)) {
				Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
			}
		}
		catch (IOException ex) {
			throw notWritable(dir, ex);
		}
	}

	private static void ensurePortFree(String address, int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(address))) {
			socket.setReuseAddress(true);
		}
		catch (IOException ex) {
			throw new StartupFailure("Bolt port " + port + " is already in use.",
					"Stop the process on port " + port
							+ " or start with LANDSCAPE_BOLT_PORT=<free port> (landscape.embedded.bolt-port).",
					ex);
		}
	}

	private static boolean causedByLock(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			String name = t.getClass().getSimpleName();
			String message = String.valueOf(t.getMessage()).toLowerCase();
			if (name.contains("FileLock") || message.contains("lock file") || message.contains("locked")) {
				return true;
			}
		}
		return false;
	}

	/** Neo4j's recovery stopped at bytes it cannot read in the transaction log. */
	private static boolean unrecoverableLog(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (String.valueOf(t.getMessage()).contains("recovery not possible")) {
				return true;
			}
		}
		return false;
	}

	private static String rootMessage(Throwable ex) {
		Throwable t = ex;
		while (t.getCause() != null) {
			t = t.getCause();
		}
		return t.getMessage();
	}

}
