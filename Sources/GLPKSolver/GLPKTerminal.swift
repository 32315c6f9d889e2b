import CGLPK

/// Collects GLPK's terminal text and hands it to a log callback line by line.
///
/// GLPK writes partial lines at times; buffering to whole lines (each still ending
/// in `"\n"`) lets a logger prefix every line without splitting one.
final class LogSink {
    /// The destination, or `nil` to drop everything.
    let log: (@Sendable (String) -> Void)?
    /// Everything written, if the sink was asked to keep it (for error messages).
    private(set) var transcript: String?
    /// Text after the last newline, not yet passed on.
    private var pending = ""

    /// Creates a sink for `log`; with `keepTranscript`, it also keeps all text in ``transcript``.
    init(_ log: (@Sendable (String) -> Void)?, keepTranscript: Bool = false) {
        self.log = log
        self.transcript = keepTranscript ? "" : nil
    }

    /// Whether anything is listening; GLPK's output is switched off when not.
    var isEnabled: Bool { log != nil || transcript != nil }

    /// Receives text from GLPK (or a note of ours) and passes on complete lines.
    func write(_ text: String) {
        transcript? += text
        guard let log else { return }
        pending += text
        while let newline = pending.firstIndex(of: "\n") {
            let line = String(pending[...newline])
            pending.removeSubrange(...newline)
            log(line)
        }
    }

    /// Passes on a trailing incomplete line, if any.
    func flush() {
        guard let log, !pending.isEmpty else { return }
        log(pending)
        pending = ""
    }
}

/// Routes GLPK's terminal output for the duration of one call.
///
/// GLPK normally prints to stdout, which would corrupt the program's own output.
/// Its hook and on/off switch live in the GLPK environment, which is per thread
/// when GLPK is built with thread-local storage (see ``GLPKSolver/supportsConcurrentSolves``),
/// so installing them here affects only the calling thread, and they are cleared
/// again before returning so no hook outlives the sink it points to.
enum GLPKTerminal {
    /// Runs `body` with GLPK's output going to `sink` and never to stdout.
    static func withOutput<T, E: Error>(to sink: LogSink, _ body: () throws(E) -> T) throws(E) -> T {
        // With no listener, switch terminal output off entirely (cheapest); otherwise
        // switch it on, since another caller on this thread may have turned it off.
        let previous = glp_term_out(sink.isEnabled ? GLP_ON : GLP_OFF)
        let info = Unmanaged.passUnretained(sink).toOpaque()
        // The hook is a C function pointer: it captures nothing and finds the sink
        // through `info`. Returning nonzero tells GLPK not to print the text itself.
        glp_term_hook({ info, text in
            guard let info, let text else { return 1 }
            Unmanaged<LogSink>.fromOpaque(info).takeUnretainedValue().write(String(cString: text))
            return 1
        }, info)
        defer {
            glp_term_hook(nil, nil)
            _ = glp_term_out(previous)
            sink.flush()
        }
        return try withExtendedLifetime(sink) { () throws(E) -> T in try body() }
    }
}
