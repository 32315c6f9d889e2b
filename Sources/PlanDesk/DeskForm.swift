import Foundation
import Hummingbird

/// Reading a POST: the same-origin check, the bounded body and the urlencoded form.
enum DeskForm {
    /// The form of `request`: 403 unless it comes from the desk's own pages (Origin, or else
    /// Referer, naming this host), 413 over ``PlanDesk/maxBody``, 400 when not a urlencoded form.
    static func read(_ request: Request) async throws -> [String: String] {
        guard sameOrigin(request) else {
            throw DeskError.forbidden("只接受来自本规划台页面的修改 / changes are accepted only from the desk's own pages (same origin)")
        }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > PlanDesk.maxBody {
            throw DeskError.tooLarge("请求太大 / request body over \(PlanDesk.maxBody) bytes")
        }
        let buffer: ByteBuffer
        do { buffer = try await request.body.collect(upTo: PlanDesk.maxBody) } catch {
            throw DeskError.tooLarge("请求太大 / request body over \(PlanDesk.maxBody) bytes")
        }
        if let type = request.headers[.contentType], !type.hasPrefix("application/x-www-form-urlencoded") {
            throw DeskError.badRequest("需要表单 / expected application/x-www-form-urlencoded, got \(type)")
        }
        return try parse(String(buffer: buffer))
    }

    /// Parses `a=b&c=d`; 400 on a malformed pair, a repeated name or bad percent-encoding.
    static func parse(_ text: String) throws -> [String: String] {
        var form: [String: String] = [:]
        for part in text.split(separator: "&") {
            let kv = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard kv.count == 2,
                  let name = String(kv[0]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding,
                  let value = String(kv[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding else {
                throw DeskError.badRequest("表单格式错误 / malformed form field: \(String(part.prefix(40)))")
            }
            guard form[name] == nil else { throw DeskError.badRequest("表单字段重复 / repeated form field: \(name)") }
            form[name] = value
        }
        return form
    }

    /// A required field, trimmed, non-empty, at most `max` characters, without control characters.
    static func field(_ form: [String: String], _ name: String, max: Int = 100) throws -> String {
        let value = (form[name] ?? "").trimmingCharacters(in: .whitespaces)
        guard !value.isEmpty else { throw DeskError.badRequest("缺少字段 / missing form field: \(name)") }
        guard value.count <= max else { throw DeskError.badRequest("字段太长 / form field \(name) over \(max) characters") }
        guard !value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw DeskError.badRequest("字段含控制字符 / form field \(name) holds control characters")
        }
        return value
    }

    /// Whether the request names this host as its origin.
    static func sameOrigin(_ request: Request) -> Bool {
        guard let host = request.head.authority else { return false }
        if let origin = request.headers[.origin] { return origin == "http://\(host)" }
        if let referer = request.headers[.referer] { return referer.hasPrefix("http://\(host)/") }
        return false
    }

    /// The path of the same-origin page the form was posted from, to go back to.
    static func backPath(_ request: Request) -> String? {
        guard let host = request.head.authority, let referer = request.headers[.referer],
              referer.hasPrefix("http://\(host)/") else { return nil }
        let path = String(referer.dropFirst("http://\(host)".count))
        // Only a path on this host: never `//other.host/…`, which a browser would follow off the desk.
        return path.hasPrefix("/") && !path.hasPrefix("//") && !path.hasPrefix("/\\") ? path : nil
    }
}
