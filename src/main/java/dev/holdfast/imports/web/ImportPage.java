package dev.holdfast.imports.web;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import dev.holdfast.customer.OwnerCandidates;
import dev.holdfast.imports.ImportAllowances;
import dev.holdfast.imports.ImportChoices;
import dev.holdfast.imports.ImportField;
import dev.holdfast.imports.ImportStatus;
import dev.holdfast.imports.ImportView;
import dev.holdfast.imports.Imports;
import dev.holdfast.imports.ProblemTexts;
import dev.holdfast.imports.RowVerdict;
import dev.holdfast.shared.PageRequest;

/**
 * The models of the import pages: the upload form with the importer's recent imports, and
 * one import's preview (counts, rows, mapping, choices) and progress.
 */
@Component
class ImportPage {

	static final String UPLOAD = "imports/page";

	static final String IMPORT = "imports/import";

	static final int ROWS_PER_PAGE = 20;

	private static final ImportChoices DEFAULT_CHOICES = new ImportChoices(ImportChoices.DuplicateChoice.SKIP,
			ImportChoices.OwnerChoice.ME, null);

	private final Imports imports;

	private final ImportAllowances allowances;

	private final OwnerCandidates owners;

	private final ProblemTexts texts;

	ImportPage(Imports imports, ImportAllowances allowances, OwnerCandidates owners, ProblemTexts texts) {
		this.texts = texts;
		this.allowances = allowances;
		this.imports = imports;
		this.owners = owners;
	}

	String upload(Map<String, String> errors, Model model) {
		model.addAttribute("errors", errors);
		model.addAttribute("recent", this.imports.mine());
		return UPLOAD;
	}

	String render(long id, RowVerdict.Verdict verdict, Integer page, ImportChoices choices, Map<String, String> errors,
			Model model) {
		ImportView view = progress(id, model);
		rows(id, verdict, page, model);
		boolean committable = view.status() == ImportStatus.PREVIEWED || view.status() == ImportStatus.FAILED;
		model.addAttribute("committable", committable);
		// the mapping is corrected only before anything is written
		model.addAttribute("remappable", view.status() == ImportStatus.PREVIEWED);
		model.addAttribute("fields", ImportField.values());
		model.addAttribute("choices",
				choices != null ? choices : (view.choices() != null ? view.choices() : DEFAULT_CHOICES));
		model.addAttribute("duplicateChoices", ImportChoices.DuplicateChoice.values());
		model.addAttribute("ownerChoices", ImportChoices.OwnerChoice.values());
		// exactly whom the service accepts (AssignableOwners asks the same rule)
		model.addAttribute("owners", committable ? this.owners.forCustomersBroughtIn() : List.of());
		model.addAttribute("errors", errors);
		// rows left unchecked: ask an administrator for a larger allowance, then check
		// them
		// again
		model.addAttribute("allowance",
				view.status() == ImportStatus.PREVIEWED ? this.allowances.of(id).orElse(null) : null);
		if (!model.containsAttribute("chosenMapping")) {
			Map<Integer, String> chosen = new TreeMap<>();
			view.mapping().fields().forEach((column, field) -> chosen.put(column, field.name()));
			model.addAttribute("chosenMapping", chosen);
		}
		return IMPORT;
	}

	/** The import's status and counts, for the page and for its poll while committing. */
	ImportView progress(long id, Model model) {
		ImportView view = this.imports.get(id);
		model.addAttribute("imported", view);
		// the columns in the importer's words (a vCard's are Holdfast's own)
		model.addAttribute("headerLabels",
				this.texts.headerLabels(view.format(), view.header().names(), LocaleContextHolder.getLocale()));
		long unchecked = view.invalid() == 0 ? 0
				: this.imports.rows(id, RowVerdict.Verdict.UNCHECKED, PageRequest.of(0, 1)).total();
		model.addAttribute("counts", VerdictCount.of(view, unchecked));
		model.addAttribute("unchecked", unchecked);
		model.addAttribute("refused", VerdictCount.refused(view));
		model.addAttribute("missing", MissingColumns.of(view.mapping()));
		return view;
	}

	/** One page of the rows, of one verdict or all. */
	void rows(long id, RowVerdict.Verdict verdict, Integer page, Model model) {
		model.addAttribute("verdict", verdict);
		model.addAttribute("rows",
				this.imports.rows(id, verdict, PageRequest.of(page, ROWS_PER_PAGE)).map(RowLine::of));
	}

}
