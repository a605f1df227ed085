package dev.holdfast;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(HoldfastApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		this.modules.verify();
	}

	/**
	 * Spring Modulith's generated documentation, built by every {@code ./mvnw verify}
	 * into {@code target/spring-modulith-docs} and linked from
	 * {@code docs/architecture.md}: the C4 component diagram of all modules, one diagram
	 * and one canvas per module, and the document that gathers them.
	 */
	@Test
	void writesModuleDocumentation() {
		readableByModulith(Path.of("target", "generated-spring-modulith", "javadoc.json"));
		Path folder = Path.of("target", "spring-modulith-docs");
		new Documenter(this.modules, Documenter.Options.defaults().withOutputFolder(folder.toString()))
			.writeDocumentation();
		assertThat(folder.resolve("components.puml")).isRegularFile();
		assertThat(folder.resolve("all-docs.adoc")).isRegularFile();
		this.modules.forEach((module) -> {
			assertThat(folder.resolve("module-" + module.getIdentifier().toString() + ".puml")).isRegularFile();
			assertThat(folder.resolve("module-" + module.getIdentifier().toString() + ".adoc")).isRegularFile();
		});
	}

	/**
	 * Spring Modulith 2.0.3 reads the Javadoc it collected at compile time with Boot's
	 * {@code BasicJsonParser}, which fails on an escaped quotation mark or an unbalanced
	 * bracket inside a string (spring-modulith#1685, open): our Javadoc quotes UI texts
	 * ("客户 #122") and writes ranges as (from, to]. The canvases only show these comments,
	 * so in them quotation marks, brackets and unbalanced braces become their full-width
	 * forms.
	 */
	private static void readableByModulith(Path javadoc) {
		if (!Files.isRegularFile(javadoc)) {
			return;
		}
		JsonMapper json = JsonMapper.builder().build();
		JsonNode tree = json.readTree(javadoc.toFile());
		tree.forEach(ModularityTests::plainComments);
		json.writeValue(javadoc.toFile(), tree);
	}

	private static void plainComments(JsonNode node) {
		if (node instanceof ObjectNode object) {
			JsonNode comment = object.get("comment");
			if (comment != null && comment.isString()) {
				object.put("comment",
						comment.asString()
							.replace('"', '\u201D')
							.replace('[', '\uFF3B')
							.replace(']', '\uFF3D')
							.replace('{', '\uFF5B')
							.replace('}', '\uFF5D'));
			}
			object.values().forEach(ModularityTests::plainComments);
		}
		else if (node instanceof ArrayNode array) {
			array.forEach(ModularityTests::plainComments);
		}
	}

}
