import BlueprintEncoding
import Foundation

/// A request id: the protocol allows a number or a string.
package enum RequestID: Hashable, Sendable, Codable, CustomStringConvertible {
    case number(Int)
    case string(String)

    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int.self) {
            self = .number(number)
        } else {
            self = .string(try container.decode(String.self))
        }
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .number(let number): try container.encode(number)
        case .string(let string): try container.encode(string)
        }
    }

    package var description: String {
        switch self {
        case .number(let number): String(number)
        case .string(let string): string
        }
    }
}

/// The error codes of JSON-RPC 2.0 and LSP 3.17 that the server answers with.
package enum ErrorCode: Int, Sendable, Codable {
    case parseError = -32700
    case invalidRequest = -32600
    case methodNotFound = -32601
    case invalidParams = -32602
    case internalError = -32603
    case serverNotInitialized = -32002
    case requestFailed = -32803
    case requestCancelled = -32800
}

package struct ResponseError: Error, Sendable, Codable, Hashable {
    package var code: Int
    package var message: String

    package init(_ code: ErrorCode, _ message: String) {
        self.code = code.rawValue
        self.message = message
    }
}

/// One message read from the client, in the one shape that covers requests, notifications and the
/// client's responses to the server's own requests.
package struct IncomingMessage: Sendable, Decodable {
    package var id: RequestID?
    package var method: String?
    package var params: JSONValue?
    /// Set on a response: a message with an id and neither method nor params nor this is no request.
    package var result: JSONValue?
    package var error: ResponseError?
    /// A response to one of the server's own requests: no method, and a `result` (null counts) or an `error`.
    package var isResponse: Bool
    /// An `id` that is neither a string nor an integer (null, a fraction, a boolean, an object, a number
    /// past 64 bits): JSON-RPC answers such a request with an error whose id is null.
    package var hasInvalidID: Bool

    enum CodingKeys: String, CodingKey {
        case id, method, params, result, error
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try? container.decodeIfPresent(RequestID.self, forKey: .id)
        method = try container.decodeIfPresent(String.self, forKey: .method)
        params = try container.decodeIfPresent(JSONValue.self, forKey: .params)
        result = try container.decodeIfPresent(JSONValue.self, forKey: .result)
        error = try? container.decodeIfPresent(ResponseError.self, forKey: .error)
        isResponse = method == nil && (container.contains(.result) || container.contains(.error))
        hasInvalidID = container.contains(.id) && id == nil
    }
}

/// The bodies the server writes.
enum OutgoingMessage {
    struct Response<Result: Encodable>: Encodable {
        var jsonrpc = "2.0"
        /// Null when the request's id could not be read (a parse error).
        var id: RequestID?
        var result: Result

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(jsonrpc, forKey: .jsonrpc)
            try container.encode(id, forKey: .id)
            try container.encode(result, forKey: .result)
        }

        enum CodingKeys: String, CodingKey { case jsonrpc, id, result }
    }

    struct ErrorResponse: Encodable {
        var jsonrpc = "2.0"
        var id: RequestID?
        var error: ResponseError

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(jsonrpc, forKey: .jsonrpc)
            try container.encode(id, forKey: .id)
            try container.encode(error, forKey: .error)
        }

        enum CodingKeys: String, CodingKey { case jsonrpc, id, error }
    }

    struct Notification<Params: Encodable>: Encodable {
        var jsonrpc = "2.0"
        var method: String
        var params: Params
    }

    struct Request<Params: Encodable>: Encodable {
        var jsonrpc = "2.0"
        var id: RequestID
        var method: String
        var params: Params
    }
}
