/// Graphviz attributes in the order they were first set; setting a name again replaces its value in place.
///
/// Order is kept so that the DOT text Graphviz writes, and so every output, is the same from run to run.
/// A handful of attributes per object makes a linear search the simplest fast lookup.
package struct GraphvizAttributes: Sendable, Hashable, ExpressibleByDictionaryLiteral, Sequence {
    package typealias Element = (name: String, value: GraphvizValue)

    fileprivate struct Entry: Sendable, Hashable {
        var name: String
        var value: GraphvizValue
    }

    private var entries: [Entry] = []

    package init() {}

    /// Later duplicates of a name replace the earlier value, as with the subscript.
    package init(dictionaryLiteral elements: (String, GraphvizValue)...) {
        for (name, value) in elements {
            self[name] = value
        }
    }

    package subscript(name: String) -> GraphvizValue? {
        get { entries.first { $0.name == name }?.value }
        set {
            let index = entries.firstIndex { $0.name == name }
            switch (index, newValue) {
            case (let index?, let value?): entries[index].value = value
            case (let index?, nil): entries.remove(at: index)
            case (nil, let value?): entries.append(Entry(name: name, value: value))
            case (nil, nil): break
            }
        }
    }

    package var isEmpty: Bool { entries.isEmpty }

    /// Removes every attribute whose value `defaults` already gives.
    package mutating func removeValues(givenBy defaults: GraphvizAttributes) {
        entries.removeAll { defaults[$0.name] == $0.value }
    }

    /// A concrete iterator: an opaque one is looked up at run time on every call.
    package struct Iterator: IteratorProtocol {
        fileprivate var entries: IndexingIterator<[Entry]>

        package mutating func next() -> Element? {
            entries.next().map { (name: $0.name, value: $0.value) }
        }
    }

    package func makeIterator() -> Iterator {
        Iterator(entries: entries.makeIterator())
    }
}
