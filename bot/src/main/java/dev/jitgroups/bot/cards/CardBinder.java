package dev.jitgroups.bot.cards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fills a card template from {@code classpath:cards/<name>.json}. A string value that is exactly {@code "${key}"}
 * is replaced by the bound value as JSON (text, number, boolean, array or object), so user text can never change
 * the card's structure. An object carrying {@code "$when": "${flag}"} is kept only when the flag is true.
 */
final class CardBinder {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, JsonNode> TEMPLATES = new ConcurrentHashMap<>();
    private static final String WHEN = "$when";

    private CardBinder() {
    }

    static ObjectNode bind(String template, Map<String, ?> values) {
        Map<String, JsonNode> json = new HashMap<>();
        values.forEach((k, v) -> json.put(k, v instanceof JsonNode node ? node : MAPPER.valueToTree(v)));
        return (ObjectNode) fill(template(template), json, template);
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }

    private static JsonNode template(String name) {
        return TEMPLATES.computeIfAbsent(name, n -> {
            try (InputStream in = CardBinder.class.getResourceAsStream("/cards/" + n + ".json")) {
                if (in == null) {
                    throw new IllegalStateException("no card template cards/" + n + ".json on the class path");
                }
                return MAPPER.readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException("card template cards/" + n + ".json cannot be read", e);
            }
        });
    }

    private static JsonNode fill(JsonNode node, Map<String, JsonNode> values, String template) {
        if (node.isTextual()) {
            String key = placeholder(node.asText());
            return key == null ? node : lookup(key, values, template).deepCopy();
        }
        if (node.isArray()) {
            ArrayNode out = MAPPER.createArrayNode();
            for (JsonNode child : node) {
                if (!dropped(child, values, template)) {
                    out.add(fill(child, values, template));
                }
            }
            return out;
        }
        if (node.isObject()) {
            ObjectNode out = MAPPER.createObjectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!WHEN.equals(field.getKey()) && !dropped(field.getValue(), values, template)) {
                    out.set(field.getKey(), fill(field.getValue(), values, template));
                }
            }
            return out;
        }
        return node;
    }

    private static boolean dropped(JsonNode node, Map<String, JsonNode> values, String template) {
        if (!node.isObject() || !node.has(WHEN)) {
            return false;
        }
        String key = placeholder(node.get(WHEN).asText());
        if (key == null) {
            throw new IllegalStateException("cards/" + template + ".json: $when must be a ${flag}");
        }
        return !lookup(key, values, template).asBoolean();
    }

    private static String placeholder(String text) {
        return text.startsWith("${") && text.endsWith("}") ? text.substring(2, text.length() - 1) : null;
    }

    private static JsonNode lookup(String key, Map<String, JsonNode> values, String template) {
        JsonNode value = values.get(key);
        if (value == null) {
            throw new IllegalStateException("cards/" + template + ".json needs a value for ${" + key + "}");
        }
        return value;
    }
}
