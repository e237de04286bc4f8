package cn.landscape.document;

import cn.landscape.entity.Kind;

/**
 * A name the graph does not know yet, found by a rule. {@code kind} is the rule's guess, null when it
 * cannot guess (a quoted name with no clue around it); the curator decides.
 */
record Candidate(String name, Kind kind, int start, int end, int sentence, String rule) {
}
