package cn.landscape.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;

/**
 * The in-process Neo4j: Bolt only, on the loopback interface, its store in a folder that survives
 * restarts. Closed after the driver (bean destruction runs in reverse creation order).
 */
public final class EmbeddedNeo4j implements AutoCloseable {

	private static final Log log = LogFactory.getLog(EmbeddedNeo4j.class);

	private final DatabaseManagementService dbms;

	private final Path dataDir;

	private final int boltPort;

	EmbeddedNeo4j(Path dataDir, int boltPort, String pageCache) {
		this.dataDir = dataDir.toAbsolutePath().normalize();
		this.boltPort = boltPort;
		ensureWritable(this.dataDir);
		ensurePortFree(boltPort);
		try {
			this.dbms = new DatabaseManagementServiceBuilder(this.dataDir)
				.setConfig(BoltConnector.enabled, true)
				.setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", boltPort))
				.setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(pageCache))
				.setConfig(GraphDatabaseSettings.udc_enabled, false)
				.build();
			this.dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME)
				.executeTransactionally("RETURN 1");
		}
		catch (RuntimeException ex) {
			if (causedByLock(ex)) {
				throw new StartupFailure("Data directory " + this.dataDir
						+ " is locked by another running instance of the service (or another Neo4j).",
						"Stop the other instance, or start with LANDSCAPE_DATA_DIR=<another folder> (landscape.embedded.data-dir).",
						ex);
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

	public String boltUri() {
		return "bolt://127.0.0.1:" + boltPort;
	}

	@Override
	public void close() {
		dbms.shutdown();
		log.info("Embedded Neo4j stopped; store " + dataDir + " closed cleanly");
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

	private static void ensurePortFree(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
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

	private static String rootMessage(Throwable ex) {
		Throwable t = ex;
		while (t.getCause() != null) {
			t = t.getCause();
		}
		return t.getMessage();
	}

}
