import Foundation
import Scenario

/// The fault-injection seam of the command, for tests only: with `CADREPLAN_TEST_FAULT` set, a
/// hook on every file-system step of the atomic writers (``FileSystemSeam``) lets tests kill the
/// process or fail a step at a chosen point, and check what is left on disk.
///
/// - `CADREPLAN_TEST_FAULT=log`: print `fault-step K: <step>` on standard error for every step.
/// - `CADREPLAN_TEST_FAULT=kill:K`: SIGKILL the process just before step K.
/// - `CADREPLAN_TEST_FAULT=fail:K:E`: fail step K with error number E (e.g. 5, EIO) without taking it.
///
/// Without the variable nothing is installed and every step runs unobserved.
enum FaultInjection {
    static func installFromEnvironment() {
        guard let spec = ProcessInfo.processInfo.environment["CADREPLAN_TEST_FAULT"], !spec.isEmpty else { return }
        let parts = spec.split(separator: ":").map(String.init)
        switch parts.first {
        case "log":
            FileSystemSeam.install { index, step in
                printError("fault-step \(index): \(step)")
                return nil
            }
        case "kill" where parts.count == 2:
            guard let k = Int(parts[1]) else { break }
            FileSystemSeam.install { index, _ in
                if index == k { kill(getpid(), SIGKILL) }
                return nil
            }
        case "fail" where parts.count == 3:
            guard let k = Int(parts[1]), let code = Int32(parts[2]) else { break }
            FileSystemSeam.install { index, _ in index == k ? code : nil }
        default:
            break
        }
    }
}
