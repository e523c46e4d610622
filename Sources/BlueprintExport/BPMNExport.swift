import BlueprintEncoding
import BlueprintLanguage
import BlueprintLayout
import BlueprintModel

/// BPMN 2.0 with diagram interchange from our layout: one pool, a lane per blueprint lane (empty ones
/// too), a task per step (a user task in the customer lane), `->` flows and recovery links as
/// sequence flows, `..>` flows as associations (message flows only join two pools, and an information
/// flow is no hand-off of the service), evidence items and promises as text annotations, markers as
/// each task's documentation, phases as groups across the pool. bpmnlint wants each thread of tasks
/// to start and end at an event: the journey starts at a blank start event before the first customer
/// step, any other step nothing hands off to at a message start event (information or its own
/// schedule starts it), and every step that hands off to nothing ends at an end event
/// (docs/EXPORTS.md).
enum BPMNExport {
    static func text(_ input: ExportInput) -> String {
        guard let geometry = input.geometry else { preconditionFailure("the BPMN export needs the layout (ExportFormat.needsGeometry)") }
        return BPMNWriter(blueprint: input.document.analysed.blueprint, promises: input.document.analysed.promises, geometry: geometry).text()
    }
}

private struct BPMNWriter {
    let blueprint: Blueprint
    let promises: [CheckedPromise]
    let geometry: DiagramGeometry
    let words: DiagramWords

    /// An event the export adds at one end of a thread of tasks, beside its step.
    struct Event {
        enum Kind { case journeyStart, start, end }
        var id: String
        var kind: Kind
        var step: Int
        var flowID: String
    }

    /// The width of the pool's title strip, at the left of the lanes.
    static let poolHeader = 30.0
    static let eventSize = 30.0

    init(blueprint: Blueprint, promises: [CheckedPromise], geometry: DiagramGeometry) {
        self.blueprint = blueprint
        self.promises = promises
        self.geometry = geometry
        words = DiagramWords(blueprint)
    }

    func text() -> String {
        let handOffs = blueprint.flows.enumerated().filter { $0.element.arrow == .handOff }.map { (id: "Flow_\($0.offset + 1)", from: $0.element.from, to: $0.element.to) }
        let recoveries = blueprint.recoveries.enumerated().map { (id: "Recovery_\($0.offset + 1)", from: $0.element.from, to: $0.element.to) }
        let sequence = handOffs + recoveries
        var incoming = Array(repeating: [String](), count: blueprint.steps.count)
        var outgoing = incoming
        for flow in sequence {
            outgoing[flow.from].append(flow.id)
            incoming[flow.to].append(flow.id)
        }
        var events: [Event] = []
        for index in blueprint.steps.indices {
            if incoming[index].isEmpty {
                let kind: Event.Kind = index == blueprint.firstCustomerStep ? .journeyStart : .start
                let number = events.count + 1
                events.append(Event(id: "Event_\(number)", kind: kind, step: index, flowID: "EventFlow_\(number)"))
                incoming[index].append("EventFlow_\(number)")
            }
            if outgoing[index].isEmpty {
                let number = events.count + 1
                events.append(Event(id: "Event_\(number)", kind: .end, step: index, flowID: "EventFlow_\(number)"))
                outgoing[index].append("EventFlow_\(number)")
            }
        }
        let information = blueprint.flows.enumerated().filter { $0.element.arrow == .information }
        let evidenceUses = blueprint.evidence.indices.flatMap { item in blueprint.evidence[item].shownBy.map { (item: item, step: $0) } }

        var xml = XMLText.declaration
        xml += """
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" \
        xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" \
        id="Definitions_1" targetNamespace="https://blueprint.invalid/bpmn" exporter="blueprint" exporterVersion="1">

        """
        // Phases are groups across the pool, each naming its phase through a category value.
        if !geometry.phases.isEmpty {
            xml += "  <bpmn:category id=\"Phases\">\n"
            for (index, column) in geometry.phases.enumerated() {
                xml += "    <bpmn:categoryValue id=\"Phase_\(index + 1)_title\" value=\(attribute(column.title ?? "")) />\n"
            }
            xml += "  </bpmn:category>\n"
        }
        xml += "  <bpmn:collaboration id=\"Collaboration_1\">\n"
        xml += "    <bpmn:participant id=\"Participant_1\" name=\(attribute(blueprint.title ?? "")) processRef=\"Process_1\" />\n"
        xml += "  </bpmn:collaboration>\n"
        xml += "  <bpmn:process id=\"Process_1\" isExecutable=\"false\">\n"
        xml += "    <bpmn:laneSet id=\"LaneSet_1\">\n"
        for band in geometry.lanes {
            let members = blueprint.steps.indices.filter { blueprint.steps[$0].lane == band.lane }
            let refs = members.map(stepID) + events.filter { blueprint.steps[$0.step].lane == band.lane }.map(\.id)
            if refs.isEmpty {
                xml += "      <bpmn:lane id=\"\(laneID(band.lane))\" name=\(attribute(band.title)) />\n"
            } else {
                xml += "      <bpmn:lane id=\"\(laneID(band.lane))\" name=\(attribute(band.title))>\n"
                xml += refs.map { "        <bpmn:flowNodeRef>\($0)</bpmn:flowNodeRef>\n" }.joined()
                xml += "      </bpmn:lane>\n"
            }
        }
        xml += "    </bpmn:laneSet>\n"
        for (index, step) in blueprint.steps.enumerated() {
            let element = step.lane == .customer ? "bpmn:userTask" : "bpmn:task"
            xml += "    <\(element) id=\"\(stepID(index))\" name=\(attribute(step.label))>\n"
            let details = words.markers(of: step, in: blueprint) + [step.actor, step.channel, step.note].compactMap { $0 }
            if !details.isEmpty {
                xml += "      <bpmn:documentation>\(XMLText.escaped(details.joined(separator: "\n")))</bpmn:documentation>\n"
            }
            xml += incoming[index].map { "      <bpmn:incoming>\($0)</bpmn:incoming>\n" }.joined()
            xml += outgoing[index].map { "      <bpmn:outgoing>\($0)</bpmn:outgoing>\n" }.joined()
            xml += "    </\(element)>\n"
        }
        for event in events {
            switch event.kind {
            case .journeyStart, .start:
                xml += "    <bpmn:startEvent id=\"\(event.id)\" name=\(attribute(words.text(.journeyStart)))>\n"
                xml += "      <bpmn:outgoing>\(event.flowID)</bpmn:outgoing>\n"
                if event.kind == .start { xml += "      <bpmn:messageEventDefinition id=\"\(event.id)_message\" />\n" }
                xml += "    </bpmn:startEvent>\n"
            case .end:
                xml += "    <bpmn:endEvent id=\"\(event.id)\" name=\(attribute(words.text(.journeyEnd)))>\n"
                xml += "      <bpmn:incoming>\(event.flowID)</bpmn:incoming>\n"
                xml += "    </bpmn:endEvent>\n"
            }
        }
        for (offset, flow) in blueprint.flows.enumerated() where flow.arrow == .handOff {
            xml += "    <bpmn:sequenceFlow id=\"Flow_\(offset + 1)\"\(flow.label.map { " name=" + attribute($0) } ?? "") "
                + "sourceRef=\"\(stepID(flow.from))\" targetRef=\"\(stepID(flow.to))\" />\n"
        }
        for (offset, recovery) in blueprint.recoveries.enumerated() {
            let failure = blueprint.steps[recovery.from].failures.first { $0.recovery == recovery.to }
            xml += "    <bpmn:sequenceFlow id=\"Recovery_\(offset + 1)\" name=\(attribute("⚠ " + (failure?.description ?? words.text(.recovery)))) "
                + "sourceRef=\"\(stepID(recovery.from))\" targetRef=\"\(stepID(recovery.to))\" />\n"
        }
        for event in events {
            let (source, target) = event.kind == .end ? (stepID(event.step), event.id) : (event.id, stepID(event.step))
            xml += "    <bpmn:sequenceFlow id=\"\(event.flowID)\" sourceRef=\"\(source)\" targetRef=\"\(target)\" />\n"
        }
        for (offset, flow) in information {
            xml += "    <bpmn:association id=\"Information_\(offset + 1)\" associationDirection=\"One\" "
                + "sourceRef=\"\(stepID(flow.from))\" targetRef=\"\(stepID(flow.to))\" />\n"
        }
        for (index, item) in blueprint.evidence.enumerated() {
            xml += "    <bpmn:textAnnotation id=\"\(evidenceID(index))\">\n"
            xml += "      <bpmn:text>\(XMLText.escaped(item.label))</bpmn:text>\n"
            xml += "    </bpmn:textAnnotation>\n"
        }
        for (number, use) in evidenceUses.enumerated() {
            xml += "    <bpmn:association id=\"Shows_\(number + 1)\" sourceRef=\"\(stepID(use.step))\" targetRef=\"\(evidenceID(use.item))\" />\n"
        }
        for (index, checked) in promises.enumerated() {
            xml += "    <bpmn:textAnnotation id=\"Promise_\(index + 1)\">\n"
            xml += "      <bpmn:text>\(XMLText.escaped(checked.promise.description + "\n" + words.verdict(of: checked)))</bpmn:text>\n"
            xml += "    </bpmn:textAnnotation>\n"
        }
        for index in geometry.phases.indices {
            xml += "    <bpmn:group id=\"Phase_\(index + 1)\" categoryValueRef=\"Phase_\(index + 1)_title\" />\n"
        }
        xml += "  </bpmn:process>\n"

        // Diagram interchange: every box, band and route from our layout.
        let pool = poolBox()
        xml += "  <bpmndi:BPMNDiagram id=\"Diagram_1\">\n"
        xml += "    <bpmndi:BPMNPlane id=\"Plane_1\" bpmnElement=\"Collaboration_1\">\n"
        xml += shape("Participant_1", pool, horizontal: true)
        for band in geometry.lanes {
            var lane = box(band.box)
            lane.width += Self.eventSize
            xml += shape(laneID(band.lane), lane, horizontal: true)
        }
        for (index, item) in geometry.steps.enumerated() { xml += shape(stepID(index), box(item.box)) }
        for event in events { xml += shape(event.id, eventBox(event)) }
        for (offset, flow) in blueprint.flows.enumerated() {
            let id = flow.arrow == .handOff ? "Flow_\(offset + 1)" : "Information_\(offset + 1)"
            xml += edge(id, geometry.links[offset].pieces.joined().map(point), label: flow.label == nil ? nil : geometry.links[offset].labelCentre)
        }
        for offset in blueprint.recoveries.indices {
            let link = geometry.links[blueprint.flows.count + offset]
            xml += edge("Recovery_\(offset + 1)", link.pieces.joined().map(point), label: link.labelCentre)
        }
        for event in events {
            let step = box(geometry.steps[event.step].box), round = eventBox(event)
            let waypoints = event.kind == .end
                ? [Point(x: step.x + step.width, y: round.midY), Point(x: round.x, y: round.midY)]
                : [Point(x: round.x + round.width, y: round.midY), Point(x: step.x, y: round.midY)]
            xml += edge(event.flowID, waypoints, label: nil)
        }
        for (index, item) in geometry.evidence.enumerated() { xml += shape(evidenceID(index), box(item.box)) }
        for (number, use) in evidenceUses.enumerated() {
            let item = box(geometry.evidence[use.item].box), step = box(geometry.steps[use.step].box)
            xml += edge("Shows_\(number + 1)", [Point(x: step.midX, y: step.y), Point(x: item.midX, y: item.y + item.height)], label: nil)
        }
        for (index, column) in geometry.phases.enumerated() {
            xml += shape("Phase_\(index + 1)", Box(x: column.box.x, y: pool.y, width: column.box.width, height: pool.height))
        }
        for index in promises.indices {
            xml += shape("Promise_\(index + 1)", Box(x: pool.x, y: pool.y + pool.height + 20 + Double(index) * 60, width: 480, height: 50))
        }
        xml += "    </bpmndi:BPMNPlane>\n"
        xml += "  </bpmndi:BPMNDiagram>\n"
        xml += "</bpmn:definitions>\n"
        return xml
    }

    struct Box {
        var x, y, width, height: Double
        var midX: Double { x + width / 2 }
        var midY: Double { y + height / 2 }
    }

    struct Point {
        var x, y: Double
    }

    func box(_ box: DiagramGeometry.Box) -> Box { Box(x: box.x, y: box.y, width: box.width, height: box.height) }
    func point(_ point: DiagramGeometry.Point) -> Point { Point(x: point.x, y: point.y) }

    /// The lanes' bands with the pool's title strip at their left, and room at their right for the end
    /// events of the last column (each lane is as much wider).
    func poolBox() -> Box {
        let top = geometry.lanes.map(\.box.y).min() ?? 0, bottom = geometry.lanes.map { $0.box.y + $0.box.height }.max() ?? 0
        let left = geometry.lanes.map(\.box.x).min() ?? 0, right = geometry.lanes.map { $0.box.x + $0.box.width }.max() ?? 0
        return Box(x: left - Self.poolHeader, y: top, width: right - left + Self.poolHeader + Self.eventSize, height: bottom - top)
    }

    /// A start event in the gap left of its step, at its top; an end event in the gap right of it, at
    /// its bottom: a step's end event and its right neighbour's start event share a gap without meeting.
    func eventBox(_ event: Event) -> Box {
        let step = box(geometry.steps[event.step].box), size = Self.eventSize
        return event.kind == .end
            ? Box(x: step.x + step.width + Spacing.slotGap / 2 - size / 2, y: step.y + step.height - size, width: size, height: size)
            : Box(x: step.x - Spacing.slotGap / 2 - size / 2, y: step.y, width: size, height: size)
    }

    func shape(_ id: String, _ box: Box, horizontal: Bool = false) -> String {
        "      <bpmndi:BPMNShape id=\"\(id)_di\" bpmnElement=\"\(id)\"\(horizontal ? " isHorizontal=\"true\"" : "")>\n"
            + "        <dc:Bounds \(bounds(box)) />\n"
            + "      </bpmndi:BPMNShape>\n"
    }

    func edge(_ id: String, _ waypoints: [Point], label: DiagramGeometry.Point?) -> String {
        var text = "      <bpmndi:BPMNEdge id=\"\(id)_di\" bpmnElement=\"\(id)\">\n"
        text += waypoints.map { "        <di:waypoint x=\"\(number($0.x))\" y=\"\(number($0.y))\" />\n" }.joined()
        if let label {
            text += "        <bpmndi:BPMNLabel>\n          <dc:Bounds \(bounds(Box(x: label.x - 50, y: label.y - 10, width: 100, height: 20))) />\n        </bpmndi:BPMNLabel>\n"
        }
        return text + "      </bpmndi:BPMNEdge>\n"
    }

    func bounds(_ box: Box) -> String {
        "x=\"\(number(box.x))\" y=\"\(number(box.y))\" width=\"\(number(box.width))\" height=\"\(number(box.height))\""
    }

    func attribute(_ text: String) -> String { "\"" + XMLText.escaped(text) + "\"" }
    func stepID(_ index: Int) -> String { "Step_\(index + 1)" }
    func evidenceID(_ index: Int) -> String { "Evidence_\(index + 1)" }
    func laneID(_ lane: Lane) -> String { "Lane_\(lane.rawValue)" }
}

/// A coordinate as diagram files write it: whole numbers without a fraction, others to two places.
func number(_ value: Double) -> String {
    let rounded = (value * 100).rounded() / 100
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
}
