import BlueprintCapacity
import BlueprintDiagnostics
import BlueprintLanguage
import BlueprintLayout
import BlueprintModel

/// What the diagram shows, built from a blueprint before anything is measured: the cards of steps and
/// evidence items with their markers, the titles, the title block, the legend and the notes panel.
struct DiagramContent {
    var blueprint: Blueprint
    var theme: RenderTheme
    var typeface: Typeface
    /// The steps' cards, without the references to evidence drawn above another step: those depend on
    /// the slots (see `stepCards(placedBy:)`).
    var steps: [Card]
    /// Where in each step's badges its evidence references go; nil for a chip naming a step on another page.
    private var evidenceReferencesAt: [Int?]
    var evidence: [Card]
    var stepTooltips: [String]
    var evidenceTooltips: [String]
    var laneTitles: [Lane: String]
    var lineTitles: [BlueprintLine: String]
    /// One per column: "1  Report".
    var phaseTitles: [String]
    var titleBlock: TitleBlock
    var legend: Legend
    /// Nil unless notes go in a panel and there is one.
    var notes: NotesPanel?
    /// Where steps and evidence items go, before any room is kept for connectors' chips.
    var slots: SlotAssignment
    /// What a compare drawing marks; nil for an ordinary drawing.
    var changes: ChangeMarks?
    /// Set when the blueprint is drawn as a draft, from a file with errors.
    var draft: DraftMarks?

    /// `page` is set for a page of a blueprint split between phases: its chips, its phases' numbers in
    /// the whole blueprint, and "page 2 of 3" in the title block.
    /// `capacity` holds each step's capacity figures by id (none without `demand`), for the badges of
    /// the steps with `servers`.
    init(_ blueprint: Blueprint, promises: [CheckedPromise], capacity: [String: StepCapacity] = [:], theme: RenderTheme,
         typeface: Typeface? = nil, notes placement: NotesPlacement = .panel, page: PageContext? = nil, changes: ChangeMarks? = nil,
         draft: DraftMarks? = nil) {
        self.blueprint = blueprint
        self.draft = draft
        self.theme = theme
        self.typeface = typeface ?? .forLocale(blueprint.locale)
        self.changes = changes
        let strings = RenderStrings.forLocale(blueprint.locale)
        // Steps' notes are numbered first, then evidence items', each in declaration order.
        let notedSteps = blueprint.steps.indices.filter { blueprint.steps[$0].note?.isEmpty == false }
        let notedEvidence = blueprint.evidence.indices.filter { blueprint.evidence[$0].note?.isEmpty == false }
        var stepMarkers = [Int: Badge](), evidenceMarkers = [Int: Badge]()
        if placement == .panel {
            for (number, index) in notedSteps.enumerated() { stepMarkers[index] = NotesPanel.marker(number + 1, theme: theme) }
            for (number, index) in notedEvidence.enumerated() {
                evidenceMarkers[index] = NotesPanel.marker(notedSteps.count + number + 1, theme: theme)
            }
        }
        slots = SlotAssignment(blueprint)
        var evidenceReferencesAt = [Int?](repeating: nil, count: blueprint.steps.count)
        steps = blueprint.steps.indices.map { index in
            if let farPage = page?.chips[index] {
                return Self.chip(for: blueprint.steps[index], page: farPage, theme: theme, strings: strings)
            }
            let step = blueprint.steps[index]
            var card = Self.card(for: step, capacity: capacity[step.id], theme: theme, strings: strings)
            evidenceReferencesAt[index] = card.badges.count
            if let marker = stepMarkers[index] { card.badges.append(marker) }
            if let change = changes?.steps[blueprint.steps[index].id] { Self.mark(&card, change.kind, theme: theme, strings: strings) }
            if changes?.isRemoved(blueprint.steps[index].id) == true {
                card.fill = theme.background
                card.border = theme.mutedText
                card.textColour = theme.mutedText
                card.isGhost = true
                card.badges.append(Badge(text: Self.changeSigns[.removed]! + " " + strings.removedStep, colours: theme.changeBadge(.removed)))
            }
            if draft?.stepErrors[index] != nil {
                card.hasErrors = true
                card.border = theme.failBadge.fill
            }
            return card
        }
        self.evidenceReferencesAt = evidenceReferencesAt
        evidence = blueprint.evidence.indices.map { index in
            let item = blueprint.evidence[index]
            var card = Card(caption: item.channel, label: item.label, labelStyle: TextStyles.evidenceLabel,
                            badges: evidenceMarkers[index].map { [$0] } ?? [],
                            fill: theme.evidenceFill, border: theme.evidenceBorder, textColour: theme.text,
                            captionColour: theme.mutedText, rounded: false)
            if let change = changes?.evidence[item.id] { Self.mark(&card, change.kind, theme: theme, strings: strings) }
            return card
        }
        let tooltipNotes = placement != .off
        stepTooltips = blueprint.steps.indices.map { index in
            let step = blueprint.steps[index]
            // A draft's errors come first: they are why the box is marked.
            let errors = (draft?.stepErrors[index] ?? []).map { "⚠ " + $0 }
            return (errors + [Self.tooltip(step.label, [("id", step.id), ("actor", step.actor), ("channel", step.channel),
                                                         ("note", tooltipNotes ? step.note : nil)], change: changes?.steps[step.id])]).joined(separator: "\n")
        }
        evidenceTooltips = blueprint.evidence.map { item in
            Self.tooltip(item.label, [("id", item.id), ("channel", item.channel), ("note", tooltipNotes ? item.note : nil)],
                         change: changes?.evidence[item.id])
        }
        // Every note with a marker, in the markers' order.
        let noteEntries = notedSteps.compactMap { index in
            stepMarkers[index].map { NotesPanel.Entry(marker: $0, text: blueprint.steps[index].note!) }
        } + notedEvidence.compactMap { index in
            evidenceMarkers[index].map { NotesPanel.Entry(marker: $0, text: blueprint.evidence[index].note!) }
        }
        // A compare drawing lists every change after the notes, once: on the first page.
        let changeEntries = page.map { $0.number == 1 } ?? true ? (changes?.list ?? []).map { entry in
            NotesPanel.Entry(marker: Badge(text: Self.changeSigns[entry.kind]!, colours: theme.changeBadge(entry.kind)), text: entry.text)
        } : []
        let panelTitle = changeEntries.isEmpty ? strings.notes : noteEntries.isEmpty ? strings.changes : strings.notesAndChanges
        notes = noteEntries.isEmpty && changeEntries.isEmpty
            ? nil : NotesPanel(title: panelTitle, entries: noteEntries + changeEntries, textColour: theme.text, mutedColour: theme.mutedText)
        laneTitles = Dictionary(uniqueKeysWithValues: Lane.allCases.map { ($0, blueprint.laneTitle($0)) })
        lineTitles = Dictionary(uniqueKeysWithValues: BlueprintLine.allCases.map { ($0, blueprint.lineTitle($0)) })
        let columnCount = SlotAssignment.columnCount(of: blueprint)
        let leadingChipColumns = page?.earlierPages.isEmpty == false ? 1 : 0
        phaseTitles = (0..<columnCount).map { column in
            if let page {
                if column == 0 && leadingChipColumns == 1 { return strings.fromPages(page.earlierPages) }
                if column == columnCount - 1 && !page.laterPages.isEmpty { return strings.toPages(page.laterPages) }
            }
            let number = column + 1 - leadingChipColumns + (page.map { $0.firstPhaseNumber - 1 } ?? 0)
            let title = column < blueprint.phases.count ? blueprint.phases[column].title : nil
            return title.map { "\(number)  \($0)" } ?? "\(number)"
        }
        titleBlock = Self.titleBlock(blueprint, promises: promises, theme: theme, strings: strings)
        titleBlock.draftMark = draft.map { Badge(text: strings.draft(errors: $0.errorCount), colours: theme.failBadge, style: DraftMarks.markStyle) }
        if let page {
            titleBlock.fields.append(TitleBlock.Field(name: strings.page, value: strings.pageOf(page.number, page.count)))
        }
        let showsCapacity = blueprint.steps.contains { capacity[$0.id]?.utilisation != nil }
        legend = Self.legend(theme: theme, strings: strings, showsCapacity: showsCapacity)
        if changes != nil {
            legend.entries += [(ChangeMarks.Kind.added, strings.added), (.changed, strings.changed), (.removed, strings.removed)].map { kind, text in
                Legend.Entry(sample: .badges([Badge(text: Self.changeSigns[kind]!, colours: theme.changeBadge(kind))]), text: text)
            }
        }
    }

    /// The sign of each kind of change, on its badge and in the list: readable without colour.
    private static let changeSigns: [ChangeMarks.Kind: String] = [.added: "+", .changed: "~", .removed: "−"]

    /// A box a compare drawing marks: its border in the change's colour, thicker, and a badge saying which.
    private static func mark(_ card: inout Card, _ kind: ChangeMarks.Kind, theme: RenderTheme, strings: RenderStrings) {
        let colours = theme.changeBadge(kind)
        card.border = kind == .changed && theme.name != "print" ? colours.fill : colours.border ?? colours.fill
        card.borderWidth = "2.5"
        card.badges.append(Badge(text: changeSigns[kind]! + " " + (kind == .added ? strings.added : strings.changed), colours: colours))
    }

    /// Every text the diagram wraps or measures, for the measuring pass.
    func textRequest() -> TextMetrics.Request {
        var request = TextMetrics.Request()
        for card in steps + evidence { card.addTexts(to: &request) }
        for title in laneTitles.values { request.add(title, style: TextStyles.laneTitle, maxWidth: Spacing.laneTitleMaxWidth) }
        for title in lineTitles.values { request.add(title, style: TextStyles.lineTitle, maxWidth: Spacing.laneTitleMaxWidth) }
        for title in phaseTitles { request.add(title, style: TextStyles.phaseTitle, maxWidth: 2 * Spacing.slotWidth) }
        // The arrow and the ellipsis of connector chips, whose other words are step labels.
        request.add("→ …", style: TextStyles.stepLabel)
        for label in blueprint.flows.compactMap(\.label) {
            request.add(label, style: TextStyles.edgeLabel, maxWidth: Spacing.edgeLabelWidth)
        }
        titleBlock.addTexts(to: &request)
        legend.addTexts(to: &request)
        notes?.addTexts(to: &request)
        return request
    }

    private static func card(for step: Step, capacity: StepCapacity?, theme: RenderTheme, strings: RenderStrings) -> Card {
        var badges: [Badge] = []
        var fill = theme.stepFill
        if step.lane == .customer, let emotion = step.emotion {
            let level = min(max(emotion, -2), 2) + 2
            fill = theme.emotionFill[level]
            badges.append(Badge(text: emotionGlyphs[level], colours: .init(
                fill: theme.emotionBadgeFill[level], text: theme.emotionBadgeText[level])))
        }
        if step.isMomentOfTruth { badges.append(Badge(text: "★ " + strings.momentOfTruth, colours: theme.momentBadge)) }
        if let wait = step.waitSpan {
            badges.append(Badge(text: "◑ " + strings.wait(wait.text(strings.duration), step.tolerance.map(strings.duration)), colours: theme.waitBadge))
        }
        if let queueWait = capacity?.queueWaitSeconds {
            badges.append(Badge(text: "◔ " + strings.queueWait(strings.duration(badgeMinutes(queueWait))), colours: theme.waitBadge, role: "queue-wait"))
        }
        if let takes = step.takesSpan {
            badges.append(Badge(text: "\(strings.takes) \(takes.text(strings.duration))", colours: theme.timeBadge))
        }
        if let utilisation = capacity?.utilisation {
            badges.append(utilisationBadge(utilisation, theme: theme, strings: strings))
        }
        for failure in step.failures {
            badges.append(Badge(text: "⚠ " + failure.description, colours: theme.failBadge))
        }
        let caption = [step.actor, step.channel].compactMap { $0 }.joined(separator: " · ")
        return Card(caption: caption.isEmpty ? nil : caption, label: step.label, labelStyle: TextStyles.stepLabel,
                    badges: badges, fill: fill, border: theme.stepBorder, textColour: theme.text,
                    captionColour: theme.mutedText, rounded: true)
    }

    /// Neutral up to 85%, amber when busy (`busy-step`), red at 100% or more, where the queue grows
    /// without end (`over-capacity`).
    private static func utilisationBadge(_ utilisation: Double, theme: RenderTheme, strings: RenderStrings) -> Badge {
        let (colours, level): (RenderTheme.Badge, String?) = if utilisation >= StepCapacity.fullUtilisation {
            (theme.failBadge, "over")
        } else if utilisation > StepCapacity.busyUtilisation {
            (theme.momentBadge, "busy")
        } else {
            (theme.timeBadge, nil)
        }
        return Badge(text: strings.utilisation(utilisation), colours: colours, role: ["utilisation", level].compactMap { $0 }.joined(separator: " "))
    }

    /// A predicted wait to the minute: a badge gives the order of things, not the seconds.
    private static func badgeMinutes(_ seconds: Double) -> Duration {
        seconds < 60 ? Duration(seconds: Int(seconds.rounded())) : Duration(seconds: 60 * Int((seconds / 60).rounded()))
    }

    /// A step drawn on another page: the page it is on over its label, in a dashed box without fill,
    /// where the flows between it and this page's steps end.
    private static func chip(for step: Step, page: Int, theme: RenderTheme, strings: RenderStrings) -> Card {
        var card = Card(caption: strings.onPage(page), label: step.label, labelStyle: TextStyles.stepLabel, badges: [],
                        fill: theme.background, border: theme.stepBorder, textColour: theme.mutedText,
                        captionColour: theme.mutedText, rounded: true)
        card.isChip = true
        return card
    }

    /// The steps' cards with, for evidence a step shows that `slots` puts above another step, a small
    /// reference to it.
    func stepCards(placedBy slots: SlotAssignment) -> [Card] {
        steps.indices.map { index in
            var card = steps[index]
            guard let position = evidenceReferencesAt[index] else { return card }
            let references = blueprint.steps[index].shownEvidence.filter { slots.evidencePlaces[$0] != slots.stepPlaces[index] }
            card.badges.insert(contentsOf: references.map { Self.evidenceReference(blueprint.evidence[$0].label, theme: theme) }, at: position)
            return card
        }
    }

    /// The evidence item's label, cut to one line, in the colours of evidence boxes.
    private static func evidenceReference(_ label: String, theme: RenderTheme) -> Badge {
        var badge = Badge(text: "▣ " + label, colours: evidenceReferenceColours(theme))
        badge.keepsToOneLine = true
        return badge
    }

    /// The colours of evidence boxes, so a reference reads as one.
    private static func evidenceReferenceColours(_ theme: RenderTheme) -> RenderTheme.Badge {
        .init(fill: theme.evidenceFill, text: theme.text, border: theme.evidenceBorder)
    }


    /// Emotion -2…2 as glyphs, so the scale reads without colour.
    static let emotionGlyphs = ["▼▼", "▼", "●", "▲", "▲▲"]
    private static let emotionValues = ["−2", "−1", "0", "+1", "+2"]

    private static func tooltip(_ label: String, _ fields: [(String, String?)], change: ChangeMarks.Entry? = nil) -> String {
        ([label] + fields.compactMap { name, value in value.map { "\(name): \($0)" } } + (change.map { [$0.text] } ?? [])).joined(separator: "\n")
    }

    private static func titleBlock(
        _ blueprint: Blueprint, promises: [CheckedPromise], theme: RenderTheme, strings: RenderStrings
    ) -> TitleBlock {
        let fields = zip([strings.persona, strings.scenario, strings.owner], titleBlockFieldValues(blueprint))
            .compactMap { name, value in value.map { TitleBlock.Field(name: name, value: $0) } }
        let promiseLines = promises.map { checked in
            let promise = checked.promise, check = checked.check
            let limit = strings.duration(promise.within)
            // A promise for a share of customers is judged by the share the simulation found (spec 1.2).
            if let target = promise.statement.share, let share = checked.simulatedShare {
                let status = checked.status == .kept ? Badge(text: strings.kept, colours: theme.keptStatus)
                    : Badge(text: strings.broken, colours: theme.brokenStatus)
                return TitleBlock.PromiseLine(status: status, description: promise.description,
                                              cost: strings.shareAgainstTarget(share, limit: limit, target: target.text))
            }
            let (status, cost): (Badge, String) = switch check.status {
            case .kept: (Badge(text: strings.kept, colours: theme.keptStatus), strings.promiseCost(strings.duration(check.worstCost), limit))
            case .broken: (Badge(text: strings.broken, colours: theme.brokenStatus), strings.promiseCost(strings.duration(check.worstCost), limit))
            case .unreachable: (Badge(text: strings.unreachable, colours: theme.unknownStatus), strings.promiseLimit(limit))
            case .unresolved: (Badge(text: strings.unresolved, colours: theme.unknownStatus), strings.promiseLimit(limit))
            }
            return TitleBlock.PromiseLine(status: status, description: promise.description, cost: cost)
        }
        return TitleBlock(title: blueprint.title ?? "Blueprint", fields: fields, promises: promiseLines,
                          textColour: theme.text, mutedColour: theme.mutedText)
    }

    /// The title block's fields in order, nil for one the blueprint leaves out (it is not drawn).
    static func titleBlockFieldValues(_ blueprint: Blueprint) -> [String?] {
        [blueprint.persona, blueprint.scenario, blueprint.owner]
    }

    /// `showsCapacity`: the legend explains the utilisation and queue-wait badges too, in a drawing that has them.
    private static func legend(theme: RenderTheme, strings: RenderStrings, showsCapacity: Bool) -> Legend {
        // Each swatch with the value it stands for, −2 to +2, as written in the file.
        let emotionBadges = (0..<5).map { level in
            Badge(text: emotionGlyphs[level] + " " + emotionValues[level],
                  colours: .init(fill: theme.emotionBadgeFill[level], text: theme.emotionBadgeText[level]))
        }
        var entries: [Legend.Entry] = [
            .init(sample: .badges([Badge(text: "★", colours: theme.momentBadge)]), text: strings.momentOfTruth),
            .init(sample: .badges([Badge(text: "⚠", colours: theme.failBadge)]), text: strings.failPoint),
            .init(sample: .badges([Badge(text: "◑", colours: theme.waitBadge)]), text: strings.waitPoint),
            .init(sample: .badges([Badge(text: strings.takes, colours: theme.timeBadge)]), text: strings.timeStandard),
            .init(sample: .arrow("━━▶", colour: theme.handOffEdge), text: strings.handOff),
            .init(sample: .arrow("╍╍▶", colour: theme.informationEdge), text: strings.informationFlow),
            .init(sample: .arrow("┈┈▷", colour: theme.recoveryEdge), text: strings.recovery),
            .init(sample: .badges(emotionBadges), text: strings.customerEmotion),
            .init(sample: .badges([Badge(text: "▣", colours: evidenceReferenceColours(theme))]), text: strings.evidenceElsewhere),
        ]
        if showsCapacity {
            entries.append(.init(sample: .badges([Badge(text: "◔", colours: theme.waitBadge)]), text: strings.queueWaitLegend))
            entries.append(.init(sample: .badges([theme.timeBadge, theme.momentBadge, theme.failBadge].map { Badge(text: "%", colours: $0) }),
                                 text: strings.utilisationLegend))
        }
        return Legend(title: strings.legend, entries: entries, textColour: theme.text, mutedColour: theme.mutedText)
    }
}

extension Renderer {
    /// The ids of the marks that show promise `index` of `blueprint` in the title block: its status
    /// badge, its description and its cost (`title-block.N`, before any id prefix). A page uses them
    /// to tie a promise in the drawing to its analysis.
    public static func titleBlockIDs(ofPromise index: Int, in blueprint: Blueprint) -> [String] {
        // The title, a name and a value per field drawn, then a badge, a description and a cost per promise.
        let fieldCount = DiagramContent.titleBlockFieldValues(blueprint).count { $0 != nil }
        let first = 1 + 2 * fieldCount + 3 * index + 1
        return (first..<first + 3).map { "title-block.\($0)" }
    }
}
