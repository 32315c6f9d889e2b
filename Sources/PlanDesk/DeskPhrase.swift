import CadrePlan

/// Everything the desk's pages say, in each language: the cases list *what* is said; two tables
/// say it, `chinese` in DeskPhrase+Chinese.swift and `english` in DeskPhrase+English.swift, each a
/// switch over every case (a phrase missing from one language does not compile). No page chooses
/// between languages itself: it asks ``DeskLanguage/text(_:)``.
enum DeskPhrase: Phrase, Hashable {
    /// The header's name of the desk.
    case deskTitle
    /// The scenario list (page title, link).
    case scenarios
    /// The scenario column.
    case scenarioColumn
    /// The folder column.
    case folder
    /// The plan column.
    case planColumn
    /// A scenario with a plan.
    case planned
    /// A scenario without a plan.
    case notSolved
    /// ROOT holds no scenario.
    case noScenarios
    /// The solve button.
    case solve
    /// The re-solve button.
    case resolve
    /// The cancel button of a running solve.
    case cancelSolve
    /// Before the progress line of a running solve.
    case solvingPrefix
    /// The tab of the sub-tables.
    case tablesTab
    /// Targets (tab, page title).
    case targets
    /// Cadres (tab, page title).
    case cadres
    /// The heading of the changes table.
    case changesAgainstPrevious
    /// The heading of the plan's report.
    case planReport
    /// A scenario not solved yet.
    case noPlanYet
    /// Heading of the wave tables.
    case wavesHeading
    /// Heading of the group tables.
    case groupsHeading
    /// Heading of the region tables.
    case regionsHeading
    /// Sub-tables (page title, link).
    case tables
    /// A pinned row.
    case pinned
    /// The pin button.
    case pin
    /// The unpin button.
    case unpin
    /// The forbid button.
    case forbid
    /// The placeholder of a forbid reason.
    case reasonPlaceholder
    /// The action column.
    case action
    /// A sub-table that does not exist.
    case noSuchTable
    /// A wave (in a sub-table's title).
    case kindWave
    /// A service group (in a sub-table's title).
    case kindGroup
    /// A region (in a sub-table's title).
    case kindRegion
    /// The id column.
    case id
    /// A target's name column.
    case name
    /// A cadre's name column.
    case personName
    /// The category column.
    case category
    /// The region column.
    case region
    /// The demand column.
    case demand
    /// The served column.
    case served
    /// The halted column.
    case halted
    /// The consent column.
    case consent
    /// Yes (a halted target).
    case yes
    /// A target that declined service.
    case declined
    /// The unit column.
    case unit
    /// The group column.
    case group
    /// The column counting a cadre's assignments.
    case assignmentCount
    /// An unknown target id.
    case unknownTarget
    /// An unknown cadre id.
    case unknownCadre
    /// A target's demand and how many serve it.
    case demandServed(Int, Int)
    /// The heading of a target's cadres.
    case cadresServingIt
    /// The heading of explain's reasons.
    case whyShort
    /// explain has nothing on the target.
    case explainDoesNotList
    /// The heading of a cadre's assignments.
    case assignments
    /// The heading of a cadre's forbidden pairs.
    case forbiddenPairs
    /// The heading of the forbid form.
    case forbidAPair
    /// The target id field.
    case targetID
    /// The reason field.
    case reason
    /// The filter box's placeholder.
    case filter
    /// After the row count.
    case rows
    /// After a solve.
    case doneSolve
    /// After a re-solve.
    case doneResolve
    /// After a solve was cancelled.
    case doneCancelled
    /// After a cancel was asked for (from another page).
    case doneCancelRequested
    /// After a variant was created.
    case doneVariant
    /// The heading of the variant form.
    case variantHeading
    /// The variant's name field.
    case variantName
    /// The mode field.
    case variantMode
    /// The one-to-one mode.
    case modeOneToOne
    /// The one-to-many mode.
    case modeOneToMany
    /// The one-to-one-first mode.
    case modeOneToOneFirst
    /// The M field.
    case variantM
    /// The reach field.
    case variantReach
    /// The tier order field.
    case variantTiers
    /// The create-variant button.
    case variantCreate
    /// The compare link and page title.
    case compare
    /// The compare form's instruction.
    case compareChoose
    /// The compare button.
    case compareButton
    /// Fewer than two planned scenarios.
    case compareNone
    /// The header's link to the other language (named in that language).
    case switchLanguage
    /// The page's `lang` attribute.
    case htmlLanguage
    /// Where a running solve stands (the progress line).
    case progress(DeskProgress)
}
