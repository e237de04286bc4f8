package cn.landscape.document;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code landscape.documents.review-dir} (LANDSCAPE_REVIEW_DIR): where the proposals of added documents wait
 * for review. They are not facts, so they live outside graph-seed/ and outside the graph.
 */
@ConfigurationProperties("landscape.documents")
record DocumentSettings(@DefaultValue("data/documents") Path reviewDir) {
}
