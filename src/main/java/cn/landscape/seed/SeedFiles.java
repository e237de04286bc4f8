package cn.landscape.seed;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * How every file of graph-seed/, and every text the service is given, is read: strict UTF-8, safe YAML, and
 * SHA-256 for change detection and ids. Written once here; the document service reads its files the same way.
 */
public final class SeedFiles {

	private SeedFiles() {
	}

	/** The file's text; bytes that are not UTF-8 are an error, never replaced. */
	public static String readUtf8(Path path) throws IOException {
		try {
			return decodeUtf8(Files.readAllBytes(path));
		}
		catch (CharacterCodingException ex) {
			throw new IOException("is not valid UTF-8", ex);
		}
	}

	/** Bytes as UTF-8 text, refused (never replaced) where they are not UTF-8: a binary file, say. */
	public static String decodeUtf8(byte[] bytes) throws CharacterCodingException {
		return StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT)
			.decode(ByteBuffer.wrap(bytes))
			.toString();
	}

	/** YAML with the safe constructor only: plain maps, lists and scalars, no types from the text. */
	public static Object yaml(String text) {
		return new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
	}

	public static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static byte[] sha256(String text) {
		return sha256().digest(text.getBytes(StandardCharsets.UTF_8));
	}

}
